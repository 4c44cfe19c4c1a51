/** Transcripts as subtitle files: SubRip (.srt) and WebVTT (.vtt). */
import type { Segment } from './segments';

function stamp(seconds: number, separator: ',' | '.'): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`;
}

/** A cue's text cannot hold a blank line (it would end the cue) or, in WebVTT, a bare "-->". */
function cueText(text: string): string {
  return text
    .replace(/\r?\n\s*\r?\n/g, '\n')
    .replace(/-->/g, '->')
    .trim();
}

/** SubRip: numbered cues, "00:01:02,500 --> 00:01:05,000". */
export function toSrt(segments: readonly Segment[]): string {
  return segments
    .map((segment, i) => `${i + 1}\n${stamp(segment.start, ',')} --> ${stamp(segment.end, ',')}\n${cueText(segment.text)}\n`)
    .join('\n');
}

/** WebVTT: the header, then "00:01:02.500 --> 00:01:05.000" cues. */
export function toVtt(segments: readonly Segment[]): string {
  const cues = segments.map(
    (segment) => `${stamp(segment.start, '.')} --> ${stamp(segment.end, '.')}\n${cueText(segment.text)}\n`,
  );
  return `WEBVTT\n\n${cues.join('\n')}`;
}
