import OpenAI from 'openai';
import { AppError, asAppError, type ErrorCode } from '@/utils/errors';

/** The OpenAI error envelope's inner object; every field may be missing at a relay. */
interface ErrorBody {
  message?: unknown;
  type?: unknown;
  code?: unknown;
  param?: unknown;
}

/** What we know about the request when an error happens, for the message's placeholders. */
export interface ErrorContext {
  host: string;
  model?: string;
}

/** Minimal view of response headers (Fetch `Headers` or the SDK's). */
interface HeaderReader {
  get(name: string): string | null;
}

const HTML_START = /^\s*(<!doctype html|<html|<head|<body|<\?xml)/i;

/** True when a body is an HTML page (a relay's login or error page, a CDN block). */
export function looksLikeHtml(text: string): boolean {
  return HTML_START.test(text);
}

/**
 * Classifies an HTTP error answer: status, the parsed `error` object (or raw text), and headers.
 * OpenAI and relays disagree on status codes, so the body's code and type win over the status.
 */
export function classifyHttpError(
  status: number,
  body: ErrorBody | string | undefined,
  headers: HeaderReader | undefined,
  context: ErrorContext,
): AppError {
  const params = { host: context.host, model: context.model ?? '' };
  if (typeof body === 'string' || body === undefined) {
    const text = body ?? '';
    if (looksLikeHtml(text)) {
      // A proxy's "413 Request Entity Too Large" page: the upload, not the address, is wrong.
      if (status === 413) return new AppError('too_large', { params: { ...params, size: `HTTP ${status}` } });
      if (status >= 500) return new AppError('server_error', { params, detail: `HTTP ${status}` });
      if (status === 404) return new AppError('endpoint_not_found', { params });
      return new AppError('html_response', { params, detail: `HTTP ${status}` });
    }
    return classifyByStatus(status, undefined, text.slice(0, 300) || undefined, headers, params);
  }
  // Numeric codes are common at compatible providers (SiliconFlow 30001, Z.ai 1113).
  const code = typeof body.code === 'number' ? String(body.code) : stringOrEmpty(body.code);
  const type = stringOrEmpty(body.type);
  const message = stringOrEmpty(body.message).slice(0, 500);
  const byCode = classifyByErrorCode(code, type, message) ?? classifyRelay(status, type, message);
  if (byCode) return withHeaders(byCode, status, headers, params, message);
  return classifyByStatus(status, { code, type, message }, message || undefined, headers, params);
}

function classifyByErrorCode(code: string, type: string, message: string): ErrorCode | undefined {
  if (code === 'insufficient_quota' || type === 'insufficient_quota') return 'quota_exceeded';
  // Out of credit at Chinese providers: Z.ai answers 429 code 1113, DashScope 400 `Arrearage`,
  // SiliconFlow 402 code 30001. Waiting or changing options does not help; credit does.
  if (code === '1113' || code === '30001' || code === 'Arrearage' || type === 'Arrearage') return 'quota_exceeded';
  if (code === 'invalid_api_key' || code === 'invalid_authentication') return 'invalid_key';
  if (code === 'unsupported_country_region_territory') return 'region_blocked';
  if (code === 'model_not_found') return 'model_not_found';
  if (code === 'context_length_exceeded' || code === 'string_above_max_length') return 'context_too_long';
  if (code === 'rate_limit_exceeded' || type === 'tokens' || type === 'requests') {
    // "Request too large ... on tokens per min": waiting does not help, the request must shrink.
    return /request too large/i.test(message) ? 'request_too_large' : 'rate_limited';
  }
  return undefined;
}

/**
 * A new-api / one-api relay with no upstream channel for the model (or the channel switched off):
 * 403 or 503 with a Chinese message. The key is fine; the relay's configuration is not.
 */
function classifyRelay(status: number, type: string, message: string): ErrorCode | undefined {
  if (/无可用渠道|渠道.{0,8}(禁用|不可用|关闭)|no available channel|channel (is )?disabled|no channel/i.test(message)) {
    return 'relay_no_channel';
  }
  if (/^(new|one)_api_error$/.test(type) && (status === 403 || status === 503) && /渠道|channel/i.test(message)) {
    return 'relay_no_channel';
  }
  return undefined;
}

/**
 * Classifies an error reported inside a 200 stream: Groq's `event: error` (with `status_code`),
 * OpenRouter's chunk with `error: {code: 400}`, vLLM's `{"object":"error"}`. The status it names
 * decides (a 400 is the request's fault and is not worth repeating); without one it is a server error.
 */
export function classifyStreamError(chunk: Record<string, unknown>, context: ErrorContext): AppError {
  const inner = (chunk.error && typeof chunk.error === 'object' ? chunk.error : chunk) as Record<string, unknown>;
  const status = [chunk.status_code, inner.status_code, inner.status, inner.code].map(Number).find((n) => n >= 400 && n < 600);
  return classifyHttpError(status ?? 500, inner as ErrorBody, undefined, context);
}

/** Message patterns of relays and compatible providers that do not send OpenAI's codes. */
function classifyByMessage(message: string): ErrorCode | undefined {
  if (/country,? region,? or territory not supported|unsupported_country/i.test(message)) return 'region_blocked';
  if (/insufficient (balance|quota|credit)|exceeded your current quota|余额不足|欠费/i.test(message)) {
    return 'quota_exceeded';
  }
  if (/maximum context length|context[ _]length|too many tokens|exceeded model token limit|input is too long/i.test(message)) {
    return 'context_too_long';
  }
  if (/model[^.]*(does not exist|not found|not exist)|unknown model|no such model|模型不存在/i.test(message)) {
    return 'model_not_found';
  }
  if (/incorrect api key|invalid api key|invalid_api_key|unauthorized|authentication/i.test(message)) {
    return 'invalid_key';
  }
  return undefined;
}

function classifyByStatus(
  status: number,
  body: { code: string; type: string; message: string } | undefined,
  detail: string | undefined,
  headers: HeaderReader | undefined,
  params: Record<string, string>,
): AppError {
  const fromMessage = body ? classifyByMessage(body.message) : detail ? classifyByMessage(detail) : undefined;
  let code: ErrorCode;
  if (status === 401) code = 'invalid_key';
  else if (status === 402) code = 'quota_exceeded';
  else if (fromMessage) code = fromMessage;
  else if (status === 403) code = 'forbidden';
  else if (status === 404) code = 'endpoint_not_found';
  else if (status === 408) code = 'timeout';
  else if (status === 413) code = 'too_large';
  else if (status === 429) code = 'rate_limited';
  else if (status >= 500) code = 'server_error';
  else if (status >= 400) code = 'bad_request';
  else code = 'bad_response';
  return withHeaders(code, status, headers, params, detail);
}

function withHeaders(
  code: ErrorCode,
  status: number,
  headers: HeaderReader | undefined,
  params: Record<string, string>,
  detail: string | undefined,
): AppError {
  const retryAfterMs = code === 'rate_limited' || status >= 500 ? parseRetryAfter(headers) : undefined;
  return new AppError(code, { params: { ...params, size: '' }, detail, retryAfterMs });
}

/** Reads `Retry-After` (seconds or an HTTP date) or OpenAI's `retry-after-ms`, in milliseconds. */
export function parseRetryAfter(headers: HeaderReader | undefined, now = Date.now()): number | undefined {
  const ms = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Maps whatever a call threw (SDK error classes, fetch errors, our own) to an AppError. */
export function toApiAppError(error: unknown, context: ErrorContext): AppError {
  if (error instanceof AppError) return error;
  const params = { host: context.host, model: context.model ?? '' };
  if (error instanceof OpenAI.APIUserAbortError) return new AppError('aborted');
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new AppError('timeout', { params });
  if (error instanceof OpenAI.APIConnectionError) {
    return new AppError('network', { params, detail: causeMessage(error), cause: error });
  }
  if (error instanceof OpenAI.APIError) {
    const body = error.error as ErrorBody | undefined;
    // Without a JSON body the SDK keeps the raw text in the message, after the status.
    const raw = body ?? (error.message.replace(/^\d{3}\s*/, '') || undefined);
    if (error.status === undefined) {
      // An error event inside a 200 stream: the body is all we have.
      return classifyHttpError(500, raw, undefined, context);
    }
    return classifyHttpError(error.status, raw, error.headers, context);
  }
  if (error instanceof DOMException && error.name === 'AbortError') return new AppError('aborted');
  if (error instanceof TypeError) {
    // fetch's own failures: a refused connection, a body cut mid-stream ("terminated", "network error").
    return new AppError('network', { params, detail: error.message, cause: error });
  }
  return asAppError(error);
}

function causeMessage(error: Error): string | undefined {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : undefined;
}

function stringOrEmpty(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
