import type { WireError } from '@/utils/errors';

/** Waits after a 429 without a Retry-After, or a network failure (times the failures in a row). */
const DEFAULT_PAUSE_MS = 3_000;
/** Failures in a row after which a provider that keeps failing stops the queue with its error. */
const MAX_FAILURES = 3;

/**
 * When the page's queue may send: a 429 pauses all of it for the provider's Retry-After, a
 * passing failure for a pause that grows with the failures in a row.
 */
export class Pacing {
  private pausedUntil = 0;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Milliseconds to wait before the next request (0: now). */
  wait(now = Date.now()): number {
    return Math.max(0, this.pausedUntil - now);
  }

  /** Calls `next` once after `ms` (the latest call wins). */
  later(next: () => void, ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(next, ms);
  }

  cancel(): void {
    clearTimeout(this.timer);
  }

  succeeded(): void {
    this.failures = 0;
  }

  /** A request failed: true when the queue waits and goes on, false when the error stops it. */
  failed(error: WireError, now = Date.now()): boolean {
    this.failures += 1;
    if (error.code !== 'rate_limited' && !(error.retryable && this.failures <= MAX_FAILURES)) return false;
    const wait = error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : DEFAULT_PAUSE_MS * Math.min(this.failures, 3);
    this.pausedUntil = Math.max(this.pausedUntil, now + wait);
    return true;
  }

  /** The user chose to go on (after a budget stop or an error): no pause, no count. */
  reset(): void {
    this.failures = 0;
    this.pausedUntil = 0;
  }
}
