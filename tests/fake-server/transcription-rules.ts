/**
 * Everything the fake /v1/audio/transcriptions route checks before it answers, in the order the
 * real API does: a multipart body, the official CreateTranscriptionRequest schema (the form's
 * fields typed as the API reads them), the model, the audio file's real format and its name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { errorBody, modelNotFoundBody, prettyJson } from './api-errors';
import { containerOfName, sniffContainer, SUPPORTED_EXTENSIONS, type AudioContainer } from './audio-format';
import { openaiFixturesDir } from './fixture-files';
import { boundaryOf, parseMultipart, type FormPart } from './multipart';
import type { Rejection } from './request-rules';

/** A transcription request as the server understood it. */
export interface TranscriptionRequest {
  /** The form's fields, typed (stream as a boolean, arrays from `name[]`); the file as its name. */
  fields: Record<string, unknown>;
  file: { filename: string; contentType?: string; bytes: Buffer; container: AudioContainer };
}

/** Models that stream their transcript; whisper-1 ignores `stream` and answers at once. */
export function streamsTranscript(model: string): boolean {
  return model !== 'whisper-1';
}

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  if (validator) return validator;
  const schema = JSON.parse(readFileSync(join(openaiFixturesDir, 'transcription-request.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  ajv.addFormat('binary', true);
  validator = ajv.compile(schema);
  return validator;
}

function badRequest(message: string, param: string | null, code: string | null = null): Rejection {
  return {
    status: 400,
    body: prettyJson(errorBody(message, 'invalid_request_error', param, code)),
    validationError: `POST /v1/audio/transcriptions: ${message}${param ? ` [param ${param}]` : ''}`,
  };
}

/** The real API's answer to a file it cannot read as audio, or whose name claims another format. */
export function unsupportedFormatMessage(): string {
  return `Invalid file format. Supported formats: [${SUPPORTED_EXTENSIONS.map((e) => `'${e}'`).join(', ')}]`;
}

/** A form value as the API reads it: booleans and numbers from their text, others as strings. */
function typedValue(name: string, text: string): unknown {
  if (name === 'stream') return text === 'true' ? true : text === 'false' ? false : text;
  if (name === 'temperature' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/** The form's fields as an object the schema can check; the file part becomes its file name. */
export function formFields(parts: FormPart[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const part of parts) {
    if (part.name.endsWith('[]')) {
      const key = part.name.slice(0, -2);
      const list = Array.isArray(fields[key]) ? (fields[key] as unknown[]) : [];
      list.push(part.data.toString('utf8'));
      fields[key] = list;
    } else if (part.filename !== undefined) {
      fields[part.name] = part.filename;
    } else {
      fields[part.name] = typedValue(part.name, part.data.toString('utf8'));
    }
  }
  return fields;
}

/** The first schema complaint, worded like the API (which names the parameter it dislikes). */
function schemaProblem(fields: Record<string, unknown>): Rejection | null {
  const check = validate();
  if (check(fields)) return null;
  const error = (check.errors ?? [])[0];
  if (!error) return badRequest('Invalid request body.', null);
  const missing = error.params.missingProperty as string | undefined;
  if (missing) return badRequest(`you must provide a ${missing} parameter`, missing);
  const extra = error.params.additionalProperty as string | undefined;
  if (extra) return badRequest(`Unrecognized request argument supplied: ${extra}`, extra);
  const param = error.instancePath.split('/')[1] ?? null;
  return badRequest(`Invalid value for '${param}': ${error.message ?? 'invalid'}.`, param, 'invalid_value');
}

/**
 * Checks a POST /v1/audio/transcriptions request. Returns the request, understood, or the
 * rejection the real API would send.
 */
export function checkTranscriptionRequest(
  contentType: string | undefined,
  body: Buffer,
  knownModels: readonly string[],
): { ok: true; request: TranscriptionRequest } | { ok: false; rejection: Rejection } {
  const fail = (rejection: Rejection) => ({ ok: false as const, rejection });
  const boundary = boundaryOf(contentType);
  if (!boundary) {
    return fail(badRequest(`Invalid Content-Type header (${contentType ?? 'none'}), expected multipart/form-data.`, null));
  }
  let parts: FormPart[];
  try {
    parts = parseMultipart(body, boundary);
  } catch (error) {
    return fail(badRequest(`Could not parse multipart form: ${(error as Error).message}`, null));
  }
  const fields = formFields(parts);
  const filePart = parts.find((part) => part.name === 'file');
  if (filePart && filePart.filename === undefined) {
    return fail(badRequest("Invalid value for 'file': expected a file, got a string.", 'file'));
  }
  const problem = schemaProblem(fields);
  if (problem) return fail(problem);
  const model = String(fields.model);
  if (!knownModels.includes(model)) return fail({ status: 404, body: modelNotFoundBody(model), validationError: null });
  const format = fields.response_format ?? 'json';
  if (streamsTranscript(model) && format !== 'json' && format !== 'text') {
    const message = `response_format '${String(format)}' is not compatible with model '${model}'. Use 'json' or 'text' instead.`;
    return fail(badRequest(message, 'response_format', 'unsupported_value'));
  }
  const file = filePart as FormPart & { filename: string };
  const container = sniffContainer(file.data);
  if (!container || containerOfName(file.filename) !== container) {
    return fail(badRequest(unsupportedFormatMessage(), null));
  }
  return {
    ok: true,
    request: { fields, file: { filename: file.filename, contentType: file.contentType, bytes: file.data, container } },
  };
}
