/**
 * How a long recording is cut for transcription: pieces of at most ten minutes (the API takes
 * 25 MB a request, and the gpt-4o transcribe models a limited duration), planned so that the
 * pieces fill whole rounds of the concurrent uploads.
 */

/** A stretch of the recording, in seconds. */
export interface Span {
  start: number;
  end: number;
}

export interface PieceLimits {
  /** Longest piece (default 600 s). */
  maxSeconds?: number;
  /** Uploads in flight at once (default 4). */
  concurrency?: number;
  /** Pieces are not made shorter than this to fill a round (default 120 s). */
  minSeconds?: number;
}

/** Longest piece: ten minutes. */
export const MAX_PIECE_SECONDS = 600;
/** Pieces transcribed at once. */
export const PIECE_CONCURRENCY = 4;

/**
 * Pieces covering `[0, seconds]` end to end, of equal length on whole seconds (the last takes
 * the rest). The count is the fewest pieces within the maximum, rounded up to a multiple of the
 * concurrency while pieces stay at least `minSeconds`: the same number of rounds, shorter pieces,
 * so the wall time follows the shortest possible piece.
 */
export function planPieces(seconds: number, limits: PieceLimits = {}): Span[] {
  const max = limits.maxSeconds ?? MAX_PIECE_SECONDS;
  const concurrency = limits.concurrency ?? PIECE_CONCURRENCY;
  const min = limits.minSeconds ?? 120;
  if (seconds <= max) return [{ start: 0, end: seconds }];
  const fewest = Math.ceil(seconds / max);
  const count = Math.max(fewest, Math.min(Math.ceil(fewest / concurrency) * concurrency, Math.floor(seconds / min)));
  const length = Math.ceil(seconds / count);
  const spans: Span[] = [];
  for (let start = 0; start < seconds; start += length) spans.push({ start, end: Math.min(seconds, start + length) });
  return spans;
}

/** Whether a file goes as it is: within the upload limit and no longer than one piece. */
export function sendWhole(bytes: number, seconds: number, maxBytes: number, maxSeconds = MAX_PIECE_SECONDS): boolean {
  return bytes <= maxBytes && seconds <= maxSeconds;
}

/** The largest gap and the largest overlap between consecutive spans, and at the ends of `[0, seconds]`. */
export function coverage(spans: readonly Span[], seconds: number): { maxGap: number; maxOverlap: number } {
  let maxGap = spans.length ? Math.max(spans[0]!.start, seconds - spans.at(-1)!.end) : seconds;
  let maxOverlap = 0;
  for (let i = 1; i < spans.length; i++) {
    const between = spans[i]!.start - spans[i - 1]!.end;
    maxGap = Math.max(maxGap, between);
    maxOverlap = Math.max(maxOverlap, -between);
  }
  return { maxGap, maxOverlap };
}
