import type { Token } from 'marked';

/**
 * Showing a long stored answer, the end comes first. IncrementalMarkdown renders a text it is
 * given whole (a conversation opened, the popup opened on a long answer) block by block like a
 * streamed one; with a budget, only the last blocks (up to the budget, in Markdown characters)
 * are rendered at once and the earlier ones in later tasks, the blocks nearest the end first, each
 * put back in its place. A chat shows the end of its conversation, so the reader sees the same
 * page sooner; the blocks are the same top-level tokens a whole render would give, so the
 * finished result is the same HTML.
 */

/** How much Markdown one later task renders (a 4,000-token answer is ~16,000 characters). */
export const LATER_SLICE_CHARS = 6_000;

/** Work waiting to run: later renders, the most recently added first (the lowest on the page). */
const waiting: (() => void)[] = [];
let scheduled = false;

function runNext(): void {
  scheduled = false;
  const job = waiting.pop();
  job?.();
  if (waiting.length) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // A task, not a microtask: the frame with the end of the answer is painted before any of this.
  setTimeout(runNext, 0);
}

/** Runs every waiting render now (tests, and a page about to be read whole). */
export function flushLaterRenders(): void {
  while (waiting.length) waiting.pop()!();
}

/** Lines that could open an HTML block running past blank lines, or define a link used elsewhere. */
const UNSAFE = /^ {0,3}(<(script|pre|style|textarea|!--|\?|![A-Za-z]|!\[CDATA\[)|\[[^\]]+\]:)/im;
/** A fence line: three or more backticks or tildes, indented at most three spaces. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A line that can only start a new top-level block after a blank line: text or a heading at the margin. */
const BLOCK_START = /^(?!\d{1,9}[.)](\s|$))(#{1,6}\s|[\p{L}\p{N}])/u;

/**
 * Where `text` can be cut so that lexing the two parts apart gives the same top-level blocks as
 * lexing it whole: the start of a line after a blank line, outside fenced code, that is a heading
 * or text at the margin (it closes any list, quote or paragraph before it). The latest such line
 * that leaves at least `keep` characters after it; 0 when there is none, or when the text has a
 * line that could make the parts differ (an HTML block that spans blank lines, a link definition).
 * Lexing is a real part of showing a long answer: 18 ms for 4,000 tokens on a cold page here.
 */
export function blockCut(text: string, keep: number): number {
  if (text.length <= keep || UNSAFE.test(text)) return 0;
  let fence: string | null = null;
  let blank = false;
  let best = 0;
  for (let start = 0; start < text.length - keep; ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end);
    const opening = FENCE.exec(line)?.[1];
    if (fence) {
      if (opening && opening[0] === fence[0] && opening.length >= fence.length && line.trim() === opening) fence = null;
    } else if (opening) fence = opening;
    else if (blank && BLOCK_START.test(line)) best = start;
    blank = !fence && line.trim() === '';
    if (end === -1) break;
    start = end + 1;
  }
  return best;
}

/** Splits `tokens` into those rendered later and those rendered now (the last, up to `budget` characters). */
export function splitForLater(tokens: Token[], budget: number): { later: Token[]; now: Token[] } {
  let chars = 0;
  let cut = tokens.length;
  while (cut > 0 && chars + tokens[cut - 1]!.raw.length <= budget) {
    chars += tokens[cut - 1]!.raw.length;
    cut -= 1;
  }
  return { later: tokens.slice(0, cut), now: tokens.slice(cut) };
}

/**
 * Renders `tokens` later, in slices from the last to the first, each just after `marker` (a comment
 * the caller has put where they belong). Stops when the marker has left `container` (the text was
 * replaced meanwhile); the marker is removed once everything is in.
 */
export function renderLater(
  tokens: Token[],
  container: Node,
  marker: Comment,
  render: (tokens: Token[]) => DocumentFragment,
): void {
  pushSlices(tokens, container, marker, render);
  schedule();
}

/**
 * Renders the start of a text, `head` (cut at blockCut), later: lexed in a task of its own, then
 * rendered like renderLater's tokens, before anything that was waiting.
 */
export function renderTextLater(
  head: string,
  container: Node,
  marker: Comment,
  lex: (text: string) => Token[],
  render: (tokens: Token[]) => DocumentFragment,
): void {
  waiting.push(() => {
    if (marker.parentNode === container) pushSlices(lex(head), container, marker, render);
  });
  schedule();
}

function pushSlices(tokens: Token[], container: Node, marker: Comment, render: (tokens: Token[]) => DocumentFragment): void {
  const slices: Token[][] = [];
  let slice: Token[] = [];
  let chars = 0;
  for (const token of tokens) {
    if (slice.length && chars + token.raw.length > LATER_SLICE_CHARS) {
      slices.push(slice);
      slice = [];
      chars = 0;
    }
    slice.push(token);
    chars += token.raw.length;
  }
  if (slice.length) slices.push(slice);
  if (!slices.length) marker.remove();
  // Pushed first to last: the last slice runs first.
  slices.forEach((part, index) => {
    waiting.push(() => {
      if (marker.parentNode !== container) return;
      marker.after(render(part));
      if (index === 0) marker.remove();
    });
  });
}
