/**
 * Reads WebVTT captions (a video's <track>) into segments: cue timings ("mm:ss.ttt" or
 * "hh:mm:ss.ttt", settings after them ignored), cue identifiers and NOTE/STYLE/REGION blocks
 * skipped, markup (<v Speaker>, <c.class>, <i>, timestamps) removed, common entities decoded.
 */
import type { Segment } from './segments';

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)/;

/** Seconds of a WebVTT timestamp. */
export function parseVttTime(value: string): number {
  const parts = value.replace(',', '.').split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: ' ', quot: '"', apos: "'", lrm: '', rlm: '' };

function plainText(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|nbsp|quot|apos|lrm|rlm);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The cues of a WebVTT file as segments, in file order. Returns [] for text that is not WebVTT. */
export function parseWebVtt(source: string): Segment[] {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^WEBVTT(?:[ \t].*)?(?:\n|$)/.test(text)) return [];
  const segments: Segment[] = [];
  for (const block of text.split(/\n{2,}/).slice(1)) {
    const lines = block.split('\n').filter((line, i) => i > 0 || line.trim() !== '');
    if (!lines.length || /^(NOTE|STYLE|REGION)\b/.test(lines[0]!)) continue;
    const timingAt = lines.findIndex((line) => TIMING.test(line));
    if (timingAt === -1 || timingAt > 1) continue;
    const match = TIMING.exec(lines[timingAt]!)!;
    const cue = plainText(lines.slice(timingAt + 1).join(' '));
    if (cue) segments.push({ start: parseVttTime(match[1]!), end: parseVttTime(match[2]!), text: cue });
  }
  return segments;
}
