import { roughTokens } from '@/utils/llm/rough-tokens';

/** Rough tokens of a batch one request carries: the prompt is paid once for this much text. */
export const BATCH_TOKENS = 2400;
/** A paragraph's rough tokens in a batch: its text and its marker ("12\t", about two tokens). */
export function paragraphTokens(text: string): number {
  return roughTokens(text) + 2;
}

/** Most paragraphs in one request (the segment markers' limit, see utils/translate/chunks.ts). */
export const BATCH_PARAGRAPHS = 40;

/**
 * Takes the next batch off the front of the queue: paragraphs in order until the batch would pass
 * `BATCH_TOKENS` or `BATCH_PARAGRAPHS` (a single larger paragraph goes alone).
 */
export function planBatch<T>(queue: T[], textOf: (item: T) => string, maxTokens = BATCH_TOKENS): T[] {
  let tokens = 0;
  let count = 0;
  while (count < queue.length && count < BATCH_PARAGRAPHS) {
    const next = paragraphTokens(textOf(queue[count]!));
    if (count > 0 && tokens + next > maxTokens) break;
    tokens += next;
    count += 1;
  }
  return queue.splice(0, count);
}

/** A queue left alone this long is sent even when its batch is not full (the user stopped scrolling). */
export const IDLE_FLUSH_MS = 800;

/**
 * The paragraphs waiting to be sent, and when to send them: at once when one of them is on screen
 * (the reader is waiting), else only once they fill a batch, so that the prompt is paid for a full
 * batch, or when nothing has been added for a while.
 */
export class BatchQueue<T extends { text: string; inView: boolean }> {
  private items: T[] = [];
  private tokens = 0;
  private changed = 0;

  get length(): number {
    return this.items.length;
  }

  push(item: T, now = Date.now()): void {
    this.items.push(item);
    this.tokens += paragraphTokens(item.text);
    this.changed = now;
  }

  /** Puts paragraphs back at the front (their request failed). */
  unshift(items: readonly T[]): void {
    this.items.unshift(...items);
    for (const item of items) this.tokens += paragraphTokens(item.text);
  }

  clear(): void {
    this.items = [];
    this.tokens = 0;
  }

  /** The next batch to send now, or how long to wait before asking again (no batch yet). */
  take(now = Date.now(), maxTokens = BATCH_TOKENS): { batch: T[] } | { waitMs: number } | undefined {
    if (!this.items.length) return undefined;
    const idle = now - this.changed;
    if (this.tokens < maxTokens && idle < IDLE_FLUSH_MS && !this.items.some((item) => item.inView)) {
      return { waitMs: IDLE_FLUSH_MS - idle };
    }
    // On-screen paragraphs first, then the rest in page order.
    const urgent = this.items.filter((item) => item.inView);
    if (urgent.length) this.items = [...urgent, ...this.items.filter((item) => !item.inView)];
    const batch = planBatch(this.items, (item) => item.text, maxTokens);
    for (const item of batch) this.tokens -= paragraphTokens(item.text);
    return { batch };
  }
}
