/**
 * Everything the real API checks in a POST /v1/chat/completions body before answering, in the
 * order it checks: JSON syntax, the official schema, rules the schema cannot express, the model.
 */
import { errorBody, modelNotFoundBody, prettyJson } from './api-errors';
import { isReasoningModel } from './models';
import { knownRequestFields, validateChatRequestSchema } from './schema-validator';

/** Why the fake server refuses a request, and what it answers. */
export interface Rejection {
  status: number;
  /** Response body, already serialized. */
  body: string;
  /**
   * One line for FakeServer.validationErrors, or null when the body is well-formed and only the
   * environment is wrong (an unknown model is a setting the user chose, not a malformed request).
   */
  validationError: string | null;
}

const INVALID_JSON_MESSAGE =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP " +
  'library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have ' +
  'trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)';

function badRequest(message: string, param: string | null, code: string | null): Rejection {
  return {
    status: 400,
    body: prettyJson(errorBody(message, 'invalid_request_error', param, code)),
    validationError: `POST /v1/chat/completions: ${message}${param ? ` [param ${param}]` : ''}`,
  };
}

/** Parses a raw body as the API would; `ok: false` carries the 400 to send. */
export function parseJsonBody(rawBody: string): { ok: true; body: unknown } | { ok: false; rejection: Rejection } {
  try {
    return { ok: true, body: JSON.parse(rawBody) };
  } catch {
    return { ok: false, rejection: badRequest(INVALID_JSON_MESSAGE, null, null) };
  }
}

/** Rules of the real API that the OpenAPI schema does not express. */
function checkApiRules(body: Record<string, unknown>): Rejection | null {
  const unknown = Object.keys(body).find((key) => !knownRequestFields().has(key));
  if (unknown !== undefined) return badRequest(`Unrecognized request argument supplied: ${unknown}`, null, null);
  if (body.stream_options != null && body.stream !== true) {
    const message = "The 'stream_options' parameter is only allowed when 'stream' is enabled.";
    return badRequest(message, 'stream_options', null);
  }
  return null;
}

/** The o1/o3/o4/gpt-5 rules: no max_tokens, temperature only 1. */
function checkReasoningModelRules(body: Record<string, unknown>): Rejection | null {
  if (!isReasoningModel(String(body.model))) return null;
  if (body.max_tokens != null) {
    return badRequest(
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      'max_tokens',
      'unsupported_parameter',
    );
  }
  if (body.temperature != null && body.temperature !== 1) {
    return badRequest(
      `Unsupported value: 'temperature' does not support ${String(body.temperature)} with this model. ` +
        'Only the default (1) value is supported.',
      'temperature',
      'unsupported_value',
    );
  }
  return null;
}

/**
 * Checks a parsed chat request body against everything the real API checks.
 * Returns null when the request would reach the model.
 */
export function checkChatRequest(body: unknown, knownModels: readonly string[]): Rejection | null {
  const problem = validateChatRequestSchema(body);
  if (problem) return badRequest(problem.message, problem.param, problem.code);
  const request = body as Record<string, unknown>;
  const ruleProblem = checkApiRules(request);
  if (ruleProblem) return ruleProblem;
  const model = String(request.model);
  if (!knownModels.includes(model)) {
    return { status: 404, body: modelNotFoundBody(model), validationError: null };
  }
  return checkReasoningModelRules(request);
}
