/** Rough tokens of a batch one request carries: the prompt is paid once for this much text. */
export const BATCH_TOKENS = 2400;
/** Most paragraphs in one request (the segment markers' limit, see utils/translate/chunks.ts). */
export const BATCH_PARAGRAPHS = 40;

const WIDE = /[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

/**
 * A cheap token estimate without a tokenizer in the page: about one token per CJK character and
 * one per four other characters (cl100k/o200k on English prose), plus the marker line.
 */
export function roughTokens(text: string): number {
  const wide = text.match(WIDE)?.length ?? 0;
  return Math.ceil(wide + (text.length - wide) / 4) + 4;
}

/**
 * Takes the next batch off the front of the queue: paragraphs in order until the batch would pass
 * `BATCH_TOKENS` or `BATCH_PARAGRAPHS` (a single larger paragraph goes alone).
 */
export function planBatch<T>(queue: T[], textOf: (item: T) => string, maxTokens = BATCH_TOKENS): T[] {
  let tokens = 0;
  let count = 0;
  while (count < queue.length && count < BATCH_PARAGRAPHS) {
    const next = roughTokens(textOf(queue[count]!));
    if (count > 0 && tokens + next > maxTokens) break;
    tokens += next;
    count += 1;
  }
  return queue.splice(0, count);
}
