/**
 * The error answers of the real OpenAI API. Where a recording exists (tests/fixtures/openai/recorded)
 * the body is the recorded text with only the variable part substituted; the others follow
 * recorded/error-shapes.json ("reported" shapes collected from public issue reports).
 */
import { readRecordedText } from './fixture-files';
import type { ErrorScenario, HtmlScenario } from './types';

/** The `error` object every OpenAI error body carries (spec: Error; all four keys present). */
export interface OpenAIErrorObject {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

const INVALID_KEY_FILE = 'dd-trace-py/err-401-invalid-api-key-chat-2024.body.json';
/** The masked key as it appears in that recording (the key was '<not-a-real-key>'). */
const INVALID_KEY_RECORDED_MASK = '\\u003cnot-a-r****key\\u003e';
const MODEL_NOT_FOUND_FILE = 'pydantic-ai/err-404-model-not-found-chat.body.json';
const MODEL_NOT_FOUND_RECORDED_MODEL = 'gpt-5.2-proo';

/** Builds `{ error: {message, type, param, code} }`. */
export function errorBody(message: string, type: string, param: string | null, code: string | null) {
  return { error: { message, type, param, code } satisfies OpenAIErrorObject };
}

/** Serializes like the real API's JSON errors: 2-space indent, trailing newline. */
export function prettyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Masks a key the way OpenAI does in its 401 message: first 8 characters, '****', last 4. */
export function maskApiKey(key: string): string {
  return `${key.slice(0, 8)}****${key.slice(-4)}`;
}

/**
 * The 2024 recording escapes <, > and & as \u003c, \u003e, \u0026 (Go's HTML-safe JSON);
 * keep doing so, so a substituted key produces exactly what the API would send.
 */
function goJsonString(text: string): string {
  return JSON.stringify(text).slice(1, -1).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** The recorded 401 invalid_api_key body with `key` masked in its message. */
export function invalidApiKeyBody(key: string): string {
  return readRecordedText(INVALID_KEY_FILE).replace(INVALID_KEY_RECORDED_MASK, goJsonString(maskApiKey(key)));
}

/** The recorded 404 model_not_found body of /v1/chat/completions with `model` substituted. */
export function modelNotFoundBody(model: string): string {
  const escaped = JSON.stringify(model).slice(1, -1);
  return readRecordedText(MODEL_NOT_FOUND_FILE).replace(MODEL_NOT_FOUND_RECORDED_MODEL, escaped);
}

/** 401 when no key at all was sent (reported wording; no recording exists). */
export function missingApiKeyBody(): string {
  return prettyJson(
    errorBody(
      "You didn't provide an API key. You need to provide your API key in an Authorization header using " +
        'Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if ' +
        "you're accessing the API from your browser and are prompted for a username and password. You can " +
        'obtain an API key from https://platform.openai.com/account/api-keys.',
      'invalid_request_error',
      null,
      null,
    ),
  );
}

/** The real API's answer to an unknown path, e.g. `Invalid URL (POST /v1/xyz)`. */
export function invalidUrlBody(method: string, path: string) {
  return errorBody(`Invalid URL (${method} ${path})`, 'invalid_request_error', null, null);
}

/** Options of `errors.rateLimited`. */
export interface RateLimitOptions {
  /** Sent as the Retry-After header (integer seconds, as the spec documents) and in the message. */
  retryAfterSeconds?: number;
  model?: string;
  /** Which limit was hit: becomes error.type, as in the real API. Default 'tokens'. */
  limit?: 'tokens' | 'requests';
}

/** Options of `errors.contextTooLong`. */
export interface ContextTooLongOptions {
  maxContextTokens?: number;
  messageTokens?: number;
  /** When given, the "you requested {T} tokens ({M} in the messages, {C} in the completion)" wording. */
  completionTokens?: number;
}

const WWW_AUTHENTICATE = { 'www-authenticate': 'Bearer realm="OpenAI API"' };

/** Ready-made error scenarios with the real API's status, body and headers. */
export const errors = {
  /** 401 invalid_api_key (recorded), with `key` masked in the message. */
  invalidKey(key = 'sk-wrong-api-key'): ErrorScenario {
    return { kind: 'error', status: 401, body: invalidApiKeyBody(key), headers: { ...WWW_AUTHENTICATE } };
  },

  /** 429 insufficient_quota: out of credit; same status as rate limiting but never retryable. */
  insufficientQuota(): ErrorScenario {
    const message =
      'You exceeded your current quota, please check your plan and billing details. For more information on ' +
      'this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.';
    return { kind: 'error', status: 429, body: errorBody(message, 'insufficient_quota', null, 'insufficient_quota') };
  },

  /** 429 rate_limit_exceeded, with Retry-After and x-ratelimit-* headers. */
  rateLimited(options: RateLimitOptions = {}): ErrorScenario {
    const { retryAfterSeconds, model = 'gpt-4o-mini', limit = 'tokens' } = options;
    const wait = retryAfterSeconds === undefined ? '6.596s' : `${retryAfterSeconds}s`;
    const what =
      limit === 'tokens'
        ? 'tokens per min (TPM): Limit 30000, Used 29871, Requested 1536'
        : 'requests per min (RPM): Limit 3, Used 3, Requested 1';
    const message =
      `Rate limit reached for ${model} in organization org-glancetest000000000000 on ${what}. ` +
      `Please try again in ${wait}. Visit https://platform.openai.com/account/rate-limits to learn more.`;
    const headers: Record<string, string> = {
      [`x-ratelimit-limit-${limit}`]: limit === 'tokens' ? '30000' : '3',
      [`x-ratelimit-remaining-${limit}`]: '0',
      [`x-ratelimit-reset-${limit}`]: wait,
    };
    if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
    return { kind: 'error', status: 429, body: errorBody(message, limit, null, 'rate_limit_exceeded'), headers };
  },

  /** 403 unsupported_country_region_territory, key order as observed (code first, no final period). */
  regionBlocked(): ErrorScenario {
    const body = {
      error: {
        code: 'unsupported_country_region_territory',
        message: 'Country, region, or territory not supported',
        param: null,
        type: 'request_forbidden',
      },
    };
    return { kind: 'error', status: 403, body };
  },

  /** 400 context_length_exceeded, param 'messages'. */
  contextTooLong(options: ContextTooLongOptions = {}): ErrorScenario {
    const { maxContextTokens = 128000, messageTokens = 131072, completionTokens } = options;
    const head = `This model's maximum context length is ${maxContextTokens} tokens. However, `;
    const message =
      completionTokens === undefined
        ? `${head}your messages resulted in ${messageTokens} tokens. Please reduce the length of the messages.`
        : `${head}you requested ${messageTokens + completionTokens} tokens (${messageTokens} in the messages, ` +
          `${completionTokens} in the completion). Please reduce the length of the messages or completion.`;
    return {
      kind: 'error',
      status: 400,
      body: errorBody(message, 'invalid_request_error', 'messages', 'context_length_exceeded'),
    };
  },

  /** 404 model_not_found as /v1/chat/completions answers it (recorded). */
  modelNotFound(model: string): ErrorScenario {
    return { kind: 'error', status: 404, body: modelNotFoundBody(model) };
  },

  /** 500 server_error (reported wording). */
  serverError(): ErrorScenario {
    const message =
      'The server had an error while processing your request. Sorry about that! You can retry your request, ' +
      'or contact us through our help center at help.openai.com if the error persists. ' +
      '(Please include the request ID req_00000000000000000000000000000000 in your message.)';
    return { kind: 'error', status: 500, body: errorBody(message, 'server_error', null, null) };
  },

  /** 404 Invalid URL, e.g. for GET /v1/models on a provider that has no model list. */
  invalidUrl(method = 'GET', path = '/v1/models'): ErrorScenario {
    return { kind: 'error', status: 404, body: invalidUrlBody(method, path) };
  },

  /** 413 from the proxy in front of the API (nginx's page, not JSON): the upload was too large. */
  payloadTooLarge(): HtmlScenario {
    const body =
      '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n' +
      '<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
    return { kind: 'html', status: 413, body };
  },

  /** 400 for audio the API cannot read (reported wording). */
  unsupportedAudioFormat(): ErrorScenario {
    const formats = "['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm']";
    const message = `Invalid file format. Supported formats: ${formats}`;
    return { kind: 'error', status: 400, body: errorBody(message, 'invalid_request_error', null, null) };
  },

  /** A relay's "502 Bad Gateway" HTML page instead of JSON. */
  badGateway(): HtmlScenario {
    return { kind: 'html', status: 502 };
  },
};
