import type { Tokens } from 'marked';

/**
 * Where a paragraph that never ends can be cut. IncrementalMarkdown (markdown.ts) re-renders the
 * open block as text arrives; a paragraph of megabytes (no blank line in the whole answer) would
 * cost a lex, a render and a sanitize of all of it for every chunk, quadratic time in all. Past
 * SPLIT_LIMIT characters the renderer freezes the paragraph's start, cut where rendering the two
 * parts apart gives the same nodes as rendering them together, and keeps re-rendering the rest.
 */

/** Characters an open paragraph may reach before its start is frozen (typical ones are < 2,000). */
export const SPLIT_LIMIT = 8_000;

/**
 * Inline text that a later character could still turn into something else: a delimiter run
 * that can open emphasis or strikethrough, a backtick (code span), a bracket (link), a "<" that
 * can start a tag or an autolink. In a paragraph's top-level text token these are still open:
 * the parts around a cut after them would not render as the whole does.
 */
const OPENER = /[*~](?!\s)|(?<![\p{L}\p{N}])_(?!\s)|[`[]|<(?=[\p{L}/!?])/u;

/**
 * Cuts, best first: after a sentence end and its spaces; after spaces; between two letters (a
 * single "word" of thousands of characters). The text after the cut starts with a letter in the
 * middle of a line, so it cannot start a block of its own (a list, a heading, a quote, code); the
 * text before it ends in a letter or a sentence end, so its last line cannot become a rule or an
 * underline. Inline constructs (entities, escapes, autolinks) hold no spaces, so the first two
 * never cut one; the third may cut an autolink, and is only used when there is nothing else.
 */
const CUTS = [/[\p{L}\p{N})"'’”*`][.!?]+[ \t]+(?=\p{L})|[。！？]+(?=\p{L})/gu, /[ \t]+(?=\p{L})/gu, /\p{L}(?=\p{L})/gu];

/** The end of the last match of `pattern` in `text` between `from` and `to`, or -1. */
function lastCut(pattern: RegExp, text: string, from: number, to: number): number {
  const part = text.slice(from, to);
  let end = -1;
  for (const match of part.matchAll(pattern)) end = match.index + match[0].length;
  return end > 0 && end < part.length ? from + end : -1;
}

/**
 * Where the first construct that is still open starts in `paragraph` (the offset in its text),
 * or its length when everything is closed. Unknown token shapes count as open at 0.
 */
export function firstOpener(paragraph: Tokens.Paragraph): number {
  let at = 0;
  for (const token of paragraph.tokens ?? []) {
    if (token.type === 'text') {
      const found = token.raw.search(OPENER);
      if (found >= 0) return at + found;
    }
    at += token.raw.length;
  }
  return at === paragraph.text.length ? at : 0;
}

/**
 * Where to cut the open paragraph `paragraph`, which is the whole of `tail` (about `limit`
 * characters long): an offset in `tail` in its second half, or undefined. The cut comes before any construct still open, so that a
 * later closing marker still pairs with it, unless the construct has been open for half the
 * paragraph: then the cut is made anyway (the paragraph's work per chunk must stay bounded), and
 * the marker shows as the character it is, as it does while it waits.
 */
export function splitPoint(paragraph: Tokens.Paragraph, tail: string, limit = SPLIT_LIMIT): number | undefined {
  const text = paragraph.text;
  if (!tail.startsWith(text)) return undefined;
  const half = Math.ceil(text.length / 2);
  const opener = firstOpener(paragraph);
  const to = opener >= half ? opener : text.length;
  // Looking back further than half the limit would cost time per chunk again.
  const from = Math.max(half, to - Math.ceil(limit / 2));
  for (const pattern of CUTS) {
    const cut = lastCut(pattern, text, from, to);
    if (cut >= half) return cut;
  }
  return undefined;
}
