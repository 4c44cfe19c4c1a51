import { t, type Locale, type MessageParams } from './i18n-core';

/** Every error code Glance shows. UIs switch on these; the message says what to do. */
export const ERROR_CODES = [
  'missing_key',
  'invalid_key',
  'quota_exceeded',
  'rate_limited',
  'request_too_large',
  'region_blocked',
  'model_not_found',
  'context_too_long',
  'forbidden',
  'bad_request',
  'server_error',
  'network',
  'cors',
  'timeout',
  'endpoint_not_found',
  'html_response',
  'bad_response',
  'interrupted',
  'aborted',
  'invalid_base_url',
  'insecure_base_url',
  'budget_exceeded',
  'page_unreadable',
  'page_empty',
  'page_loading',
  'too_large',
  'disconnected',
  'storage_failed',
  'refused',
  'chat_busy',
  'relay_no_channel',
  'tool_call_only',
  'malformed_stream',
  'deadline_exceeded',
  'unknown',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes where trying the same request again later can succeed. */
const RETRYABLE = new Set<ErrorCode>([
  'rate_limited',
  'server_error',
  'network',
  'timeout',
  'interrupted',
  'disconnected',
  'page_loading',
  'malformed_stream',
  'deadline_exceeded',
]);

/** The only form of an error that crosses contexts. */
export interface WireError {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  /** Seconds the provider asked to wait before retrying (Retry-After), for a timed retry. */
  retryAfterSeconds?: number;
}

interface AppErrorOptions {
  /** Values for the message's placeholders (host, model, size...). */
  params?: MessageParams;
  /** The provider's own words, shown after ours when they add something. */
  detail?: string;
  /** How long the provider asked us to wait (Retry-After). */
  retryAfterMs?: number;
  retryable?: boolean;
  cause?: unknown;
}

/** A typed, user-explainable failure. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: MessageParams;
  readonly detail?: string;
  readonly retryAfterMs?: number;
  readonly retryable: boolean;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = options.params ?? {};
    this.detail = options.detail;
    this.retryAfterMs = options.retryAfterMs;
    this.retryable = options.retryable ?? RETRYABLE.has(code);
  }
}

/** The user-facing message for an error, with the provider's detail where it helps. */
export function errorMessage(error: AppError, locale?: Locale): string {
  const params = { host: '', model: '', size: '', detail: error.detail ?? '', spent: '', limit: '', period: '', ...error.params };
  const message = t(`error_${error.code}`, params, locale);
  const showDetail = error.detail && !message.includes(error.detail) && DETAIL_HELPS.has(error.code);
  const full = showDetail ? `${message} (${error.detail})` : message;
  const wait = retryAfterSeconds(error);
  return wait ? `${full} ${t('errorRetryAfter', { time: formatWait(wait, locale) }, locale)}` : full;
}

/** Whole seconds to wait, when the provider named a wait worth mentioning (over a few seconds). */
function retryAfterSeconds(error: AppError): number | undefined {
  if (error.retryAfterMs === undefined || error.retryAfterMs < 5_000) return undefined;
  return Math.ceil(error.retryAfterMs / 1000);
}

/** "2 min", "45 s", "1 h 5 min": a wait in the user's language. */
export function formatWait(seconds: number, locale?: Locale): string {
  if (seconds < 60) return t('durationSeconds', { n: String(seconds) }, locale);
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return t('durationMinutes', { n: String(minutes) }, locale);
  return t('durationHours', { n: String(Math.floor(minutes / 60)), m: String(minutes % 60) }, locale);
}

// Codes whose provider message adds something (which option, which limit).
const DETAIL_HELPS = new Set<ErrorCode>([
  'bad_request',
  'forbidden',
  'context_too_long',
  'server_error',
  'relay_no_channel',
  'tool_call_only',
  'malformed_stream',
]);

/** Converts anything thrown into the wire form, message in the given locale. */
export function toWireError(error: unknown, locale?: Locale): WireError {
  const appError = error instanceof AppError ? error : asAppError(error);
  const wire: WireError = { code: appError.code, message: errorMessage(appError, locale), retryable: appError.retryable };
  const wait = retryAfterSeconds(appError);
  if (wait) wire.retryAfterSeconds = wait;
  return wire;
}

/** Rebuilds a wire error received from another context, refusing codes we do not know. */
export function fromWireError(wire: unknown): WireError {
  const value = wire as Partial<WireError> | null;
  const code = ERROR_CODES.includes(value?.code as ErrorCode) ? (value!.code as ErrorCode) : 'unknown';
  const result: WireError = {
    code,
    message: typeof value?.message === 'string' ? value.message : t('error_unknown', { detail: code }),
    retryable: value?.retryable === true,
  };
  const wait = value?.retryAfterSeconds;
  if (typeof wait === 'number' && Number.isFinite(wait) && wait > 0 && wait <= 86_400) result.retryAfterSeconds = Math.ceil(wait);
  return result;
}

/** Wraps a non-AppError (a bug, a DOM exception) without losing its text. */
export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') return new AppError('aborted');
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return new AppError('storage_failed', { detail: error.message, cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('unknown', { detail, cause: error });
}
