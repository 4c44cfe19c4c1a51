import type OpenAI from 'openai';
import type { ChatBody } from '@/utils/llm/request';
import { AppError } from '@/utils/errors';
import { classifyHttpError, looksLikeHtml, toApiAppError, type ErrorContext } from './api-errors';
import { readSseEvents } from './sse-reader';
import { StreamFold, type ApiUsage } from './stream-fold';

export type { ApiUsage } from './stream-fold';

export interface CompletionOptions {
  signal: AbortSignal;
  onDelta(text: string): void;
  /** Longest wait for the first chunk. Reasoning models can think for minutes before answering. */
  firstChunkTimeoutMs?: number;
  /** Longest wait, once the answer flows, for text, usage or a finish (keep-alive chunks do not count). */
  idleTimeoutMs?: number;
  /** Longest time for the whole answer, however steadily it flows. */
  deadlineMs?: number;
  /** Reasoning text, kept apart from the answer (never shown as the answer). */
  onReasoning?(text: string): void;
  /** Extra attempts for errors where waiting helps, made only before any text arrived. */
  retries?: number;
  /** Called before waiting to retry (for progress messages and tests). */
  onRetry?(error: AppError, delayMs: number): void;
}

export interface CompletionResult {
  text: string;
  finishReason: string;
  /** The model that answered, as the provider names it. */
  model: string;
  usage?: ApiUsage;
  /** The model's reasoning, when it sent any. */
  reasoning?: string;
}

const DEFAULTS = { firstChunkTimeoutMs: 5 * 60_000, idleTimeoutMs: 2 * 60_000, deadlineMs: 10 * 60_000, retries: 2 };
/**
 * Retryable by the user, not automatically: a deadline already spent the user's whole wait, and a
 * tool-call answer or an unreadable 200 stream may be billed; repeating them unasked would double that.
 */
const NOT_AUTO_RETRIED = new Set(['deadline_exceeded', 'tool_call_only', 'malformed_stream']);
/** Past this, a Retry-After is not worth waiting for inside one request. */
const MAX_RETRY_WAIT_MS = 30_000;

/**
 * Streams one chat completion, passing each text delta to `onDelta`. Retries (rate limits with
 * their Retry-After, 5xx, network) only before the first delta, so no text is ever duplicated.
 * Throws an AppError; after text has arrived, a cut connection is `interrupted`.
 */
export async function streamChatCompletion(
  client: OpenAI,
  body: ChatBody,
  context: ErrorContext,
  options: CompletionOptions,
): Promise<CompletionResult> {
  const retries = options.retries ?? DEFAULTS.retries;
  for (let attempt = 0; ; attempt += 1) {
    let received = false;
    try {
      return await attemptStream(client, body, context, options, () => (received = true));
    } catch (error) {
      const appError = toApiAppError(error, context);
      if (options.signal.aborted) throw new AppError('aborted');
      const delay = retryDelay(appError, attempt);
      if (
        received ||
        NOT_AUTO_RETRIED.has(appError.code) ||
        !appError.retryable ||
        attempt >= retries ||
        delay > MAX_RETRY_WAIT_MS
      )
        throw appError;
      options.onRetry?.(appError, delay);
      await sleep(delay, options.signal);
    }
  }
}

function retryDelay(error: AppError, attempt: number): number {
  if (error.retryAfterMs !== undefined) return error.retryAfterMs;
  return 1000 * 2 ** attempt + Math.floor(Math.random() * 250);
}

async function attemptStream(
  client: OpenAI,
  body: ChatBody,
  context: ErrorContext,
  options: CompletionOptions,
  markReceived: () => void,
): Promise<CompletionResult> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  options.signal.addEventListener('abort', abort);
  let timedOut: 'idle' | 'deadline' | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = 'idle';
      controller.abort();
    }, ms);
  };
  const deadlineMs = options.deadlineMs ?? DEFAULTS.deadlineMs;
  const deadline = setTimeout(() => {
    timedOut = 'deadline';
    controller.abort();
  }, deadlineMs);
  arm(options.firstChunkTimeoutMs ?? DEFAULTS.firstChunkTimeoutMs);

  const fold = new StreamFold(body.model, context);
  try {
    // The SDK makes the request and classifies HTTP errors; the body is read here, because its SSE
    // parser ends the whole stream on one malformed line and knows nothing of providers' quirks.
    const response = await client.chat.completions
      .create(body as OpenAI.ChatCompletionCreateParamsStreaming, { signal: controller.signal })
      .asResponse();
    const type = response.headers.get('content-type') ?? '';
    if (/html/i.test(type)) throw new AppError('html_response', { params: { host: context.host } });
    if (/json/i.test(type)) return await readNonStreamAnswer(response, context, options.onDelta);
    if (!response.body) throw new AppError('bad_response', { params: { host: context.host } });

    for await (const event of readSseEvents(response.body)) {
      let step: ReturnType<StreamFold['apply']>;
      try {
        step = fold.apply(event);
      } catch (error) {
        // An error inside a 200 stream: the provider accepted (and may bill) the request, so it
        // is never retried automatically.
        markReceived();
        throw error;
      }
      emit(step, options, markReceived);
      if (step.progress) arm(options.idleTimeoutMs ?? DEFAULTS.idleTimeoutMs);
      if (fold.done) break;
    }
    emit(fold.end(), options, markReceived);
    fold.assertAnswered();
    return {
      text: fold.text,
      finishReason: fold.finishReason,
      model: fold.model,
      usage: fold.usage,
      reasoning: fold.reasoning || undefined,
    };
  } catch (error) {
    const appError = failureOf(error, timedOut, deadlineMs, options, context, fold.text);
    // What the provider reported before failing (a tool-call answer, an in-stream error) is billed.
    if (fold.usage) reportedBeforeFailure.set(appError, { usage: fold.usage, model: fold.model });
    throw appError;
  } finally {
    clearTimeout(timer);
    clearTimeout(deadline);
    controller.abort(); // ends the body's read if we stopped early ([DONE], an error)
    options.signal.removeEventListener('abort', abort);
  }
}

/** The AppError for what ended an attempt: our own timers and the user's Stop first. */
function failureOf(
  error: unknown,
  timedOut: 'idle' | 'deadline' | undefined,
  deadlineMs: number,
  options: CompletionOptions,
  context: ErrorContext,
  text: string,
): AppError {
  const params = { host: context.host };
  if (timedOut === 'deadline') {
    return new AppError('deadline_exceeded', { params: { ...params, size: String(Math.round(deadlineMs / 60_000)) } });
  }
  if (timedOut) return new AppError('timeout', { params });
  if (options.signal.aborted) return new AppError('aborted');
  const appError = toApiAppError(error, context);
  if (text && appError.code === 'network') return new AppError('interrupted', { params, detail: appError.detail });
  return appError;
}

const reportedBeforeFailure = new WeakMap<AppError, { usage: ApiUsage; model: string }>();

/** The usage a provider reported in a stream that then failed (so the call is billed as reported). */
export function reportedUsageOf(error: unknown): { usage: ApiUsage; model: string } | undefined {
  return error instanceof AppError ? reportedBeforeFailure.get(error) : undefined;
}

function emit(step: { answer: string; reasoning: string }, options: CompletionOptions, markReceived: () => void): void {
  if (step.reasoning) options.onReasoning?.(step.reasoning);
  if (step.answer) {
    markReceived();
    options.onDelta(step.answer);
  }
}

/**
 * A 200 answer in JSON where a stream was asked for: a provider that ignores `stream`, or a relay
 * that wraps its error in a 200. The first is used as one delta; the second is classified.
 */
async function readNonStreamAnswer(
  response: Response,
  context: ErrorContext,
  onDelta: (text: string) => void,
): Promise<CompletionResult> {
  const raw = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new AppError(looksLikeHtml(raw) ? 'html_response' : 'bad_response', { params: { host: context.host } });
  }
  const value = parsed as {
    error?: Record<string, unknown>;
    model?: string;
    usage?: ApiUsage;
    choices?: { message?: { content?: string | null }; finish_reason?: string }[];
  };
  if (value.error && typeof value.error === 'object') throw classifyHttpError(400, value.error, undefined, context);
  const choice = value.choices?.[0];
  if (!choice?.message) throw new AppError('bad_response', { params: { host: context.host } });
  const text = choice.message.content ?? '';
  if (text) onDelta(text);
  return { text, finishReason: choice.finish_reason ?? 'stop', model: value.model ?? '', usage: value.usage };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', onAbort, { once: true });
    function done() {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(new AppError('aborted'));
    }
  });
}
