import { roughTokens } from '@/utils/llm/rough-tokens';
import { BATCH_PARAGRAPHS, MAX_BATCH_PARAGRAPHS } from '@/utils/pagetranslate/types';

/** Rough tokens of a batch one request carries: the prompt is paid once for this much text. */
export const BATCH_TOKENS = 2400;
/** A paragraph's rough tokens in a batch: its text and its marker ("12\t", about two tokens). */
export function paragraphTokens(text: string): number {
  return roughTokens(text) + 2;
}

/**
 * Takes the next batch off the front of the queue: paragraphs in order until the batch would pass
 * `BATCH_TOKENS` or `BATCH_PARAGRAPHS` (a single larger paragraph goes alone). A few paragraphs
 * that would be left behind go along (up to `MAX_BATCH_PARAGRAPHS`) when they fit: alone, they
 * would pay a whole prompt for a request of their own.
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
  if (count === BATCH_PARAGRAPHS && queue.length <= MAX_BATCH_PARAGRAPHS) {
    const rest = queue.slice(count).reduce((sum, item) => sum + paragraphTokens(textOf(item)), 0);
    if (tokens + rest <= maxTokens) count = queue.length;
  }
  return queue.splice(0, count);
}

/**
 * Fills a batch going out short (the reader reached its paragraphs before it filled) with the
 * paragraphs that follow it on the page and are not near the screen yet: a reader scrolling on
 * meets them next, and they ride on the prompt this request pays anyway. `admit(item, room)`
 * reads a follower and says whether it goes (it must fit in `room` tokens). At most a batch's
 * worth of followers is looked at beyond those taken.
 */
export function topUp<T extends { text: string; index: number }>(
  batch: T[],
  followers: Iterable<T>,
  admit: (item: T, room: number) => boolean,
  maxTokens = BATCH_TOKENS,
): T[] {
  let tokens = batch.reduce((sum, item) => sum + paragraphTokens(item.text), 0);
  const after = Math.max(...batch.map((item) => item.index));
  let looked = 0;
  for (const item of followers) {
    if (batch.length >= BATCH_PARAGRAPHS || tokens >= maxTokens || looked >= BATCH_PARAGRAPHS) break;
    if (item.index <= after) continue;
    if (admit(item, maxTokens - tokens)) {
      batch.push(item);
      tokens += paragraphTokens(item.text);
    } else looked += 1;
  }
  return batch;
}

/**
 * Whether the paragraphs after a batch that are not near the screen yet (`state` idle) are few
 * enough to go with it: near the end of a page, a batch sent because the reader paused would
 * otherwise leave the page's last paragraphs to a request of their own a moment later.
 */
export function endOfPage<T extends { index: number; state: string }>(batch: readonly T[], all: Iterable<T>): boolean {
  const after = Math.max(...batch.map((item) => item.index));
  let left = 0;
  for (const item of all) {
    if (item.index > after && item.state === 'idle' && ++left > BATCH_PARAGRAPHS - batch.length) return false;
  }
  return true;
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
  private hurried = false;

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

  /** The next batch goes as soon as there is one (the user just asked for the page), full or not. */
  hurry(): void {
    this.hurried = true;
  }

  /**
   * The next batch to send now, or how long to wait before asking again (no batch yet). `fill`:
   * someone is waiting for it (a paragraph on screen, or the user just asked), so a short batch is
   * worth topping up with what follows rather than sent short again and again.
   */
  take(now = Date.now(), maxTokens = BATCH_TOKENS): { batch: T[]; fill: boolean } | { waitMs: number } | undefined {
    if (!this.items.length) return undefined;
    const idle = now - this.changed;
    const waited = this.hurried || this.items.some((item) => item.inView);
    if (this.tokens < maxTokens && idle < IDLE_FLUSH_MS && !waited) {
      return { waitMs: IDLE_FLUSH_MS - idle };
    }
    this.hurried = false;
    // On-screen paragraphs first, then the rest in page order.
    const urgent = this.items.filter((item) => item.inView);
    if (urgent.length) this.items = [...urgent, ...this.items.filter((item) => !item.inView)];
    const batch = planBatch(this.items, (item) => item.text, maxTokens);
    for (const item of batch) this.tokens -= paragraphTokens(item.text);
    return { batch, fill: waited };
  }
}
