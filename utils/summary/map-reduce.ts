/**
 * Runs one model call per part of a long page with a bounded number in flight, backing off when
 * the provider rate-limits, retrying a failed part once. Pure orchestration: the call itself is
 * passed in, so tests drive it with a fake client and the background with `callModel`.
 */
import { AppError, asAppError } from '@/utils/errors';

/** What the orchestrator tells a call, so that it can report rate limiting as it happens. */
export interface CallHooks {
  /** Aborted by the caller's signal, or when another part failed fatally. */
  signal: AbortSignal;
  /** The provider asked us to slow down (a 429 about to be retried after `delayMs`). */
  onRateLimit(delayMs: number): void;
}

export type PartResult = { ok: true; text: string } | { ok: false; error: AppError };

export interface MapOptions {
  /** How many parts there are. */
  total: number;
  /** Most calls in flight at once. */
  concurrency: number;
  /** Makes the call for part `index`; `attempt` is 0, or 1 for the retry. */
  call(index: number, attempt: number, hooks: CallHooks): Promise<string>;
  signal: AbortSignal;
  /** After each part is finished (done or given up). */
  onProgress?(done: number, total: number): void;
}

/**
 * Errors that no retry of one part can fix: stop everything (and stop paying) at once.
 * Everything else is the part's own trouble (a cut connection, a 5xx, one part the model refused).
 */
const FATAL = new Set([
  'missing_key',
  'invalid_key',
  'quota_exceeded',
  'region_blocked',
  'model_not_found',
  'forbidden',
  'cors',
  'budget_exceeded',
  'aborted',
  'endpoint_not_found',
  'html_response',
  'invalid_base_url',
  'insecure_base_url',
  'refused',
  'storage_failed',
]);

/** How many times a part may be pushed back by rate limiting before it counts as failed. */
const MAX_RATE_LIMIT_REQUEUES = 4;
/** Successes in a row after which one more call may run at once again (up to the bound). */
const RAMP_UP_AFTER = 2;

/** Whether an error should stop the whole job rather than one part. */
function isFatal(error: AppError): boolean {
  return FATAL.has(error.code);
}

/**
 * Calls every part, at most `concurrency` at a time, and resolves with each part's result in
 * order. Rate limiting halves the number in flight and pauses new calls for the provider's delay;
 * it ramps back up after successes. A part that fails is retried once (after the others queued
 * before it); a fatal error rejects at once and aborts the calls in flight.
 */
export function mapParts(options: MapOptions): Promise<PartResult[]> {
  const { total, call, signal } = options;
  const max = Math.max(1, Math.floor(options.concurrency));
  const inFlight = new AbortController();
  const results: (PartResult | undefined)[] = new Array(total);
  const attempts = new Array<number>(total).fill(0);
  const rateLimited = new Array<number>(total).fill(0);
  const queue = Array.from({ length: total }, (_, index) => index);
  let limit = max;
  let active = 0;
  let finished = 0;
  let streak = 0;
  let resumeAt = 0;
  /** Bumped by each back-off: only calls started since then count towards ramping up again. */
  let epoch = 0;
  let waking: ReturnType<typeof setTimeout> | undefined;

  return new Promise((resolve, reject) => {
    if (total === 0) return resolve([]);
    let failed = false;
    const fail = (error: AppError) => {
      if (failed) return;
      failed = true;
      clearTimeout(waking);
      signal.removeEventListener('abort', onAbort);
      inFlight.abort();
      reject(error);
    };
    const onAbort = () => fail(new AppError('aborted'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });

    const backOff = (delayMs: number) => {
      limit = Math.max(1, Math.floor(limit / 2));
      streak = 0;
      epoch += 1;
      resumeAt = Math.max(resumeAt, Date.now() + delayMs);
    };

    const settle = (index: number, result: PartResult) => {
      results[index] = result;
      finished += 1;
      options.onProgress?.(finished, total);
      if (finished === total) {
        signal.removeEventListener('abort', onAbort);
        resolve(results as PartResult[]);
      }
    };

    const pump = () => {
      if (failed) return;
      const wait = resumeAt - Date.now();
      if (wait > 0 && queue.length > 0) {
        clearTimeout(waking);
        waking = setTimeout(pump, wait);
        return;
      }
      while (active < limit && queue.length > 0) start(queue.shift()!);
    };

    const start = (index: number) => {
      active += 1;
      const attempt = attempts[index]!;
      const startedIn = epoch;
      call(index, attempt, { signal: inFlight.signal, onRateLimit: backOff })
        .then(
          (text) => {
            if (startedIn === epoch) streak += 1;
            if (streak >= RAMP_UP_AFTER && limit < max) {
              limit += 1;
              streak = 0;
            }
            settle(index, { ok: true, text });
          },
          (raw: unknown) => {
            const error = asAppError(raw);
            if (signal.aborted || isFatal(error)) return fail(signal.aborted ? new AppError('aborted') : error);
            if (error.code === 'rate_limited' && rateLimited[index]! < MAX_RATE_LIMIT_REQUEUES) {
              // Not this part's fault: wait as asked and try it again without using up its retry.
              rateLimited[index]! += 1;
              backOff(error.retryAfterMs ?? 2000 * rateLimited[index]!);
              queue.unshift(index);
            } else if (attempt === 0) {
              attempts[index] = 1;
              queue.push(index);
            } else {
              settle(index, { ok: false, error });
            }
          },
        )
        .finally(() => {
          active -= 1;
          pump();
        });
    };

    pump();
  });
}
