import type OpenAI from 'openai';
import { toFile } from 'openai';
import { AppError } from '@/utils/errors';
import { toApiAppError, type ErrorContext } from '@/utils/llm/background/api-errors';
import type { TranscriptionSpec } from '@/utils/transcribe/request';
import type { CallRecord } from '@/utils/usage/types';

/** Automatic retries (rate limits, 5xx, network) stop within this time; then the user's Retry shows. */
export const AUTO_RETRY_WINDOW_MS = 20_000;

export interface TranscriptionOptions {
  signal: AbortSignal;
  onDelta(text: string): void;
  /** Called before waiting to retry. */
  onRetry?(error: AppError, delayMs: number): void;
  now?(): number;
}

/** The transcript, and the seconds of audio the provider billed when it said (whisper-1 does). */
export interface TranscriptionResult {
  text: string;
  billedSeconds?: number;
}

/**
 * Sends one recording to /audio/transcriptions through the SDK and passes its text on as it comes:
 * streamed deltas where the model streams, the whole text at once otherwise. Retries errors
 * where waiting helps, only before any text arrived and only while the wait ends within
 * {@link AUTO_RETRY_WINDOW_MS} of the first attempt. Throws an AppError.
 */
export async function transcribeAudio(
  client: OpenAI,
  spec: TranscriptionSpec,
  audio: Blob,
  context: ErrorContext,
  options: TranscriptionOptions,
): Promise<TranscriptionResult> {
  const now = options.now ?? Date.now;
  const started = now();
  for (let attempt = 0; ; attempt += 1) {
    let received = false;
    try {
      return await attemptOnce(client, spec, audio, options, () => (received = true));
    } catch (error) {
      if (options.signal.aborted) throw new AppError('aborted');
      const appError = toApiAppError(error, context);
      const delay = appError.retryAfterMs ?? 1000 * 2 ** attempt;
      const tooLate = now() + delay - started > AUTO_RETRY_WINDOW_MS;
      if (received || !appError.retryable || tooLate) throw received ? new AppError('interrupted', { cause: error }) : appError;
      options.onRetry?.(appError, delay);
      await sleep(delay, options.signal);
    }
  }
}

async function attemptOnce(
  client: OpenAI,
  spec: TranscriptionSpec,
  audio: Blob,
  options: TranscriptionOptions,
  markReceived: () => void,
): Promise<TranscriptionResult> {
  const file = await toFile(audio, spec.fileName, { type: audio.type || 'audio/webm' });
  const base = { file, model: spec.model, ...(spec.language ? { language: spec.language } : {}) };
  if (!spec.stream) {
    const answer = await client.audio.transcriptions.create({ ...base, response_format: 'json' }, { signal: options.signal });
    const text = answer.text ?? '';
    if (text) options.onDelta(text);
    const usage = (answer as { usage?: { type?: string; seconds?: number } }).usage;
    return { text, billedSeconds: usage?.type === 'duration' ? usage.seconds : undefined };
  }
  const stream = await client.audio.transcriptions.create({ ...base, stream: true }, { signal: options.signal });
  let text = '';
  for await (const event of stream) {
    if (event.type === 'transcript.text.delta' && event.delta) {
      markReceived();
      text += event.delta;
      options.onDelta(event.delta);
    } else if (event.type === 'transcript.text.done') {
      // The final text wins where it differs from the deltas (it never should); only the missing tail is sent.
      if (event.text.startsWith(text) && event.text.length > text.length) options.onDelta(event.text.slice(text.length));
      return { text: event.text || text };
    }
  }
  if (!text) throw new AppError('malformed_stream', { params: { host: '' } });
  return { text };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new AppError('aborted'));
      },
      { once: true },
    );
  });
}

/** A transcription call's ledger line: billed by the second of audio, no tokens. */
export function transcriptionLine(
  call: { model: string; host: string },
  status: CallRecord['status'],
  audioSeconds: number,
  costUsd: number | null,
): CallRecord {
  return {
    time: Date.now(),
    feature: 'transcribe',
    model: call.model,
    host: call.host,
    promptTokens: 0,
    cachedTokens: 0,
    completionTokens: 0,
    reasoningTokens: 0,
    audioSeconds,
    estimated: false,
    costUsd,
    status,
  };
}
