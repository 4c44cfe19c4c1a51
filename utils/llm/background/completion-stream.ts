import type OpenAI from 'openai';
import type { ChatBody } from '@/utils/llm/request';
import { AppError } from '@/utils/errors';
import { classifyHttpError, looksLikeHtml, toApiAppError, type ErrorContext } from './api-errors';

/** Provider-reported usage, in the API's own shape. */
export interface ApiUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number } | null;
  completion_tokens_details?: { reasoning_tokens?: number } | null;
}

export interface CompletionOptions {
  signal: AbortSignal;
  onDelta(text: string): void;
  /** Longest wait for the first chunk. Reasoning models can think for minutes before answering. */
  firstChunkTimeoutMs?: number;
  /** Longest silence between two chunks once the answer flows. */
  idleTimeoutMs?: number;
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
}

const DEFAULTS = { firstChunkTimeoutMs: 5 * 60_000, idleTimeoutMs: 2 * 60_000, retries: 2 };
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
      if (received || !appError.retryable || attempt >= retries || delay > MAX_RETRY_WAIT_MS) throw appError;
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
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, ms);
  };
  arm(options.firstChunkTimeoutMs ?? DEFAULTS.firstChunkTimeoutMs);

  let text = '';
  let finishReason = '';
  let model = body.model;
  let usage: ApiUsage | undefined;
  try {
    const { data: stream, response } = await client.chat.completions
      .create(body as OpenAI.ChatCompletionCreateParamsStreaming, { signal: controller.signal })
      .withResponse();
    const type = response.headers.get('content-type') ?? '';
    if (/html/i.test(type)) throw new AppError('html_response', { params: { host: context.host } });
    if (/json/i.test(type)) return await readNonStreamAnswer(response, context, options.onDelta);

    for await (const chunk of stream) {
      arm(options.idleTimeoutMs ?? DEFAULTS.idleTimeoutMs);
      if (chunk.model) model = chunk.model;
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices?.[0];
      if (!choice) continue;
      const delta = choice.delta?.content ?? choice.delta?.refusal ?? '';
      if (delta) {
        text += delta;
        markReceived();
        options.onDelta(delta);
      }
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
    if (!finishReason) {
      // The body ended without a finish reason: a cut connection, or an endpoint that is not
      // speaking the OpenAI stream format at all.
      throw new AppError(text ? 'interrupted' : 'bad_response', { params: { host: context.host } });
    }
    return { text, finishReason, model, usage };
  } catch (error) {
    if (timedOut) throw new AppError('timeout', { params: { host: context.host } });
    if (options.signal.aborted) throw new AppError('aborted');
    const appError = toApiAppError(error, context);
    if (text && appError.code === 'network') {
      throw new AppError('interrupted', { params: { host: context.host }, detail: appError.detail });
    }
    throw appError;
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', abort);
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
