import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { classifyHttpError, parseRetryAfter, toApiAppError } from '@/utils/llm/background/api-errors';
import { errorMessage, toWireError, type ErrorCode } from '@/utils/errors';

const RECORDED = path.resolve('tests/fixtures/openai/recorded');
const context = { host: 'api.openai.com', model: 'gpt-4o-mini' };
const noHeaders = new Headers();

/** Every recorded error body, with the HTTP status its file name carries. */
function recordedErrors(): { file: string; status: number; body: { error: Record<string, unknown> } }[] {
  const folders = readdirSync(RECORDED, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return folders.flatMap(({ name: folder }) => {
    const dir = path.join(RECORDED, folder);
    return readdirSync(dir)
      .filter((name) => name.startsWith('err-') && name.endsWith('.json'))
      .map((name) => ({
        file: `${folder}/${name}`,
        status: Number(name.split('-')[1]),
        body: JSON.parse(readFileSync(path.join(dir, name), 'utf8')),
      }));
  });
}

const EXPECTED_BY_FILE: Record<string, ErrorCode> = {
  'dd-trace-py/err-400-invalid-token-code-null-completions-2025.body.json': 'bad_request',
  'dd-trace-py/err-400-model-not-found-responses-2025.body.json': 'model_not_found',
  'dd-trace-py/err-401-invalid-api-key-chat-2024.body.json': 'invalid_key',
  'dd-trace-py/err-401-invalid-api-key-completions-stream-2025.body.json': 'invalid_key',
  'dd-trace-py/err-401-invalid-api-key-responses-2025.body.json': 'invalid_key',
  'pydantic-ai/err-400-model-not-found-responses.body.json': 'model_not_found',
  'pydantic-ai/err-404-model-not-found-chat.body.json': 'model_not_found',
  'pydantic-ai/err-404-model-not-found-embeddings.body.json': 'model_not_found',
};

describe('classifyHttpError on recorded bodies', () => {
  const recorded = recordedErrors();

  it('covers every recorded error body', () => {
    expect(recorded.map((r) => r.file).sort()).toEqual(Object.keys(EXPECTED_BY_FILE).sort());
  });

  it.each(recorded)('$file', ({ file, status, body }) => {
    const error = classifyHttpError(status, body.error, noHeaders, context);
    expect(error.code).toBe(EXPECTED_BY_FILE[file]);
    expect(error.retryable).toBe(false);
  });
});

describe('classifyHttpError on reported shapes (error-shapes.json)', () => {
  const shapes = JSON.parse(readFileSync(path.join(RECORDED, 'error-shapes.json'), 'utf8')).errors as {
    status: number;
    type: string;
    code: string | null;
    param: string | null;
    message: string;
    alt_message?: string;
  }[];
  const expected: Record<string, ErrorCode> = {
    invalid_api_key: 'invalid_key',
    model_not_found: 'model_not_found',
    insufficient_quota: 'quota_exceeded',
    rate_limit_exceeded: 'rate_limited',
    unsupported_country_region_territory: 'region_blocked',
    context_length_exceeded: 'context_too_long',
  };

  it.each(shapes.filter((s) => s.code))('$status $code', (shape) => {
    const type = shape.type.includes('|') ? 'tokens' : shape.type;
    const error = classifyHttpError(shape.status, { ...shape, type }, noHeaders, context);
    expect(error.code).toBe(expected[shape.code!]);
  });

  it('tells exhausted quota (never retried) from a rate limit (retried), though both are 429', () => {
    const quota = shapes.find((s) => s.code === 'insufficient_quota')!;
    const limit = shapes.find((s) => s.code === 'rate_limit_exceeded')!;
    expect(classifyHttpError(429, quota, noHeaders, context).retryable).toBe(false);
    expect(classifyHttpError(429, { ...limit, type: 'tokens' }, noHeaders, context).retryable).toBe(true);
  });

  it('treats "Request too large" (a 429 that never succeeds as is) as its own, non-retryable case', () => {
    const limit = shapes.find((s) => s.code === 'rate_limit_exceeded')!;
    const error = classifyHttpError(429, { ...limit, type: 'tokens', message: limit.alt_message }, noHeaders, context);
    expect(error.code).toBe('request_too_large');
    expect(error.retryable).toBe(false);
  });
});

describe('classifyHttpError on relays and compatible providers', () => {
  it.each([
    [402, { message: 'Insufficient Balance', type: 'unknown_error' }, 'quota_exceeded'],
    [403, { message: 'Country, region, or territory not supported (request id: 2025...)', param: '' }, 'region_blocked'],
    [404, { message: 'model "llama9" not found, try pulling it first', type: 'api_error' }, 'model_not_found'],
    [404, { message: 'Invalid URL (POST /v1/chat/completion)', type: 'invalid_request_error' }, 'endpoint_not_found'],
    [400, { message: 'Invalid request: Your request exceeded model token limit: 8192' }, 'context_too_long'],
    [401, { message: 'Unauthorized' }, 'invalid_key'],
    [403, { message: 'Forbidden: key disabled by relay' }, 'forbidden'],
    [500, { message: 'The server had an error while processing your request.' }, 'server_error'],
    [503, { message: 'upstream overloaded' }, 'server_error'],
  ] as const)('%i %j → %s', (status, body, code) => {
    expect(classifyHttpError(status, body, noHeaders, context).code).toBe(code);
  });

  it('recognises an HTML page where JSON was expected', () => {
    const page = '<!DOCTYPE html><html><head><title>Sign in</title></head><body>login</body></html>';
    expect(classifyHttpError(200, page, noHeaders, context).code).toBe('html_response');
    expect(classifyHttpError(403, page, noHeaders, context).code).toBe('html_response');
    expect(classifyHttpError(404, page, noHeaders, context).code).toBe('endpoint_not_found');
    expect(classifyHttpError(502, '<html><body>502 Bad Gateway</body></html>', noHeaders, context).code).toBe('server_error');
  });

  it('keeps a plain-text error body as detail', () => {
    const error = classifyHttpError(400, 'stream_options is not supported', noHeaders, context);
    expect(error.code).toBe('bad_request');
    expect(errorMessage(error, 'en')).toContain('stream_options is not supported');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': '7' }))).toBe(7000);
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '350', 'retry-after': '1' }))).toBe(350);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000);
    expect(parseRetryAfter(new Headers())).toBeUndefined();
  });

  it('attaches Retry-After to rate limits', () => {
    const error = classifyHttpError(
      429,
      { code: 'rate_limit_exceeded', type: 'requests', message: 'slow down' },
      new Headers({ 'retry-after': '2' }),
      context,
    );
    expect(error.retryAfterMs).toBe(2000);
  });
});

describe('toApiAppError on the SDK error classes', () => {
  const headers = new Headers({ 'content-type': 'application/json' });
  const body = (code: string, type = 'invalid_request_error') => ({ message: 'x', type, code, param: null });
  it.each([
    [new OpenAI.AuthenticationError(401, body('invalid_api_key'), undefined, headers), 'invalid_key'],
    [
      new OpenAI.PermissionDeniedError(
        403,
        body('unsupported_country_region_territory', 'request_forbidden'),
        undefined,
        headers,
      ),
      'region_blocked',
    ],
    [new OpenAI.NotFoundError(404, body('model_not_found'), undefined, headers), 'model_not_found'],
    [new OpenAI.RateLimitError(429, body('insufficient_quota', 'insufficient_quota'), undefined, headers), 'quota_exceeded'],
    [new OpenAI.RateLimitError(429, body('rate_limit_exceeded', 'requests'), undefined, headers), 'rate_limited'],
    [new OpenAI.BadRequestError(400, body('context_length_exceeded'), undefined, headers), 'context_too_long'],
    [new OpenAI.InternalServerError(500, undefined, '500 status code (no body)', headers), 'server_error'],
    [new OpenAI.APIError(502, undefined, '<html><body>Bad gateway</body></html>', headers), 'server_error'],
    [new OpenAI.APIError(200, undefined, '<!doctype html><html>login</html>', headers), 'html_response'],
    [new OpenAI.APIConnectionError({ message: 'Connection error.', cause: new TypeError('Failed to fetch') }), 'network'],
    [new OpenAI.APIConnectionTimeoutError(), 'timeout'],
    [new OpenAI.APIUserAbortError(), 'aborted'],
    [new TypeError('terminated'), 'network'],
    [new DOMException('The user aborted a request.', 'AbortError'), 'aborted'],
    [new Error('something odd'), 'unknown'],
  ] as const)('%s → %s', (error, code) => {
    expect(toApiAppError(error, context).code).toBe(code);
  });

  it('classifies an error event inside a 200 stream by its body', () => {
    const inStream = new OpenAI.APIError(undefined, body('context_length_exceeded'), undefined, undefined);
    expect(toApiAppError(inStream, context).code).toBe('context_too_long');
  });
});

describe('wire form', () => {
  it('carries only code, message and retryable, the message in the chosen language', () => {
    const error = classifyHttpError(
      401,
      { code: 'invalid_api_key', message: 'Incorrect API key provided: sk-abc****wxyz.' },
      noHeaders,
      context,
    );
    const wire = toWireError(error, 'zh-CN');
    expect(Object.keys(wire).sort()).toEqual(['code', 'message', 'retryable']);
    expect(wire.message).toMatch(/密钥/);
    expect(toWireError(error, 'en').message).toMatch(/API key was rejected/);
  });

  it('names the host in network errors and the model in model errors', () => {
    expect(toWireError(toApiAppError(new OpenAI.APIConnectionError({ message: 'x' }), context), 'en').message).toContain(
      'api.openai.com',
    );
    expect(toWireError(classifyHttpError(404, body404(), noHeaders, context), 'en').message).toContain('gpt-4o-mini');
  });
});

function body404() {
  return { code: 'model_not_found', message: 'The model `gpt-4o-mini` does not exist', type: 'invalid_request_error' };
}
