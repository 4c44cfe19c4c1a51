/**
 * Citations in an answer: `[n]` right after a claim. Only a number whose block was sent becomes a
 * citation; any other `[n]` stays text (a model can invent numbers, and a citation must never point
 * somewhere wrong). Pure.
 */

export type AnswerPiece = { type: 'text'; text: string } | { type: 'cite'; n: number };

const CITATION = /\[(\d{1,6})\]/g;

/** Splits text into plain runs and citations of blocks in `sent`. */
export function splitCitations(text: string, sent: ReadonlySet<number>): AnswerPiece[] {
  const pieces: AnswerPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(CITATION)) {
    const n = Number(match[1]);
    if (!sent.has(n)) continue;
    if (match.index > last) pieces.push({ type: 'text', text: text.slice(last, match.index) });
    pieces.push({ type: 'cite', n });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ type: 'text', text: text.slice(last) });
  return pieces;
}

/** The block numbers an answer cites (sent ones only), in order of first appearance. */
export function citedNumbers(text: string, sent: ReadonlySet<number>): number[] {
  const seen = new Set<number>();
  for (const piece of splitCitations(text, sent)) if (piece.type === 'cite') seen.add(piece.n);
  return [...seen];
}
