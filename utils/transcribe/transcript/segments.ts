/**
 * A transcript as timed segments, and how the pieces of a long recording become one: each
 * piece's segments are shifted by the piece's start and kept within it, in order.
 */

/** A stretch of speech: seconds from the start of the whole recording, and its text. */
export interface Segment {
  start: number;
  end: number;
  text: string;
}

/** One transcribed piece: where it starts and ends in the recording, and its own segments (from 0). */
export interface PieceTranscript {
  start: number;
  end: number;
  segments: Segment[];
}

/**
 * One transcript from the pieces' transcripts, in recording order: segment times shifted by
 * their piece's start and clamped to the piece (a model may report a segment a little past the
 * audio's end); empty segments dropped; whitespace tidied.
 */
export function stitchPieces(pieces: readonly PieceTranscript[]): Segment[] {
  const ordered = [...pieces].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  for (const piece of ordered) {
    for (const segment of piece.segments) {
      const text = segment.text.replace(/\s+/g, ' ').trim();
      if (!text) continue;
      const start = Math.min(piece.end, piece.start + Math.max(0, segment.start));
      const end = Math.max(start, Math.min(piece.end, piece.start + Math.max(0, segment.end)));
      out.push({ start, end, text });
    }
  }
  return out;
}

/** "0:07", "12:34", "1:02:03": a time in the recording, as the transcript shows it. */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor(whole / 60) % 60;
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The transcript as text with a "[m:ss]" timestamp before each segment (Copy, export, summary). */
export function transcriptText(segments: readonly Segment[]): string {
  return segments.map((segment) => `[${formatClock(segment.start)}] ${segment.text}`).join('\n');
}
