/**
 * The last resort of every splitter: cutting a text that has no natural boundary left (no
 * paragraph, line, sentence or word: a hash, a minified blob, CJK without punctuation) into pieces
 * that fit a token budget. Translation chunks and summary chunking both end here, so both cut the
 * same way.
 */

/** Counts tokens exactly (a Tokenizer's `count`). */
export type CountTokens = (text: string) => number;

/** One piece of a text: `text.slice(start, end)` (UTF-16 offsets), and its token count. */
export interface TextPiece {
  start: number;
  end: number;
  tokens: number;
}

/**
 * Cuts a text into consecutive pieces of at most `budget` tokens, each as long as fits (found by
 * binary search on its length), so the pieces put back together are the text. Cuts fall between
 * code points, never inside a surrogate pair: half an emoji reaches the model as U+FFFD. A single
 * character over the budget becomes a piece of its own, so no piece is ever empty.
 */
export function hardSplit(text: string, budget: number, count: CountTokens): TextPiece[] {
  // Where a cut may fall: every code point boundary, as an offset into the text.
  const bounds = [0];
  for (const char of text) bounds.push(bounds.at(-1)! + char.length);
  const last = bounds.length - 1;
  const pieces: TextPiece[] = [];
  let first = 0;
  while (first < last) {
    const start = bounds[first]!;
    const rest = count(text.slice(start));
    if (rest <= budget) {
      pieces.push({ start, end: text.length, tokens: rest });
      break;
    }
    // The most code points that fit, and at least one, so the cut always moves forward.
    let low = first + 1;
    let high = last;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (count(text.slice(start, bounds[middle])) <= budget) low = middle;
      else high = middle - 1;
    }
    const end = bounds[low]!;
    pieces.push({ start, end, tokens: count(text.slice(start, end)) });
    first = low;
  }
  return pieces;
}
