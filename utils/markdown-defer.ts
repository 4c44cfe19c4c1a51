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
  // Pushed first to last: the last slice runs first.
  slices.forEach((part, index) => {
    waiting.push(() => {
      if (marker.parentNode !== container) return;
      marker.after(render(part));
      if (index === 0) marker.remove();
    });
  });
  schedule();
}
