/**
 * YouTube's timedtext answers as segments. Asked for `fmt=vtt`, it answers WebVTT (read by
 * webvtt.ts); the other formats it may answer instead are read too: json3 (`{ events: [{ tStartMs,
 * dDurationMs, segs: [{ utf8 }] }] }`), srv3 XML (`<p t="ms" d="ms">` with `<s>` words) and the
 * older srv1 XML (`<text start="s" dur="s">`). The text is untrusted page data: sizes are capped,
 * markup is dropped, only plain text is kept. No DOM is used (the service worker has none).
 */
import type { Segment } from './segments';
import { parseWebVtt } from './webvtt';

/** Most cues read from one answer (a long lecture's auto captions have a few thousand). */
export const MAX_CUES = 20_000;
const MAX_CUE_TEXT = 2000;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
  });
}

/** A cue's plain text: tags removed, entities decoded (twice: srv1 escapes them again), spaces tidied. */
function plain(markup: string): string {
  const once = decodeEntities(markup.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''));
  return decodeEntities(once.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_CUE_TEXT);
}

const finite = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null);

function parseJson3(source: string): Segment[] {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return [];
  }
  const events = (data as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return [];
  const segments: Segment[] = [];
  for (const event of events.slice(0, MAX_CUES)) {
    if (!event || typeof event !== 'object') continue;
    const { tStartMs, dDurationMs, segs } = event as Record<string, unknown>;
    const start = finite(tStartMs);
    if (start === null || !Array.isArray(segs)) continue;
    const words = segs.map((seg) => (seg as { utf8?: unknown } | null)?.utf8);
    const cue = words
      .map((word) => (typeof word === 'string' ? word : ''))
      .join('')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_CUE_TEXT);
    if (cue) segments.push({ start: start / 1000, end: (start + (finite(dDurationMs) ?? 0)) / 1000, text: cue });
  }
  return segments;
}

const attribute = (attributes: string, name: string) => {
  const match = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(attributes);
  return match ? Number(match[1]) : Number.NaN;
};

function parseXml(source: string): Segment[] {
  const segments: Segment[] = [];
  // srv3: <p t="1200" d="2500">…</p> in milliseconds; srv1: <text start="1.2" dur="2.5">…</text> in seconds.
  const cue = /<(p|text)\b([^>]*)>([\s\S]*?)<\/\1>/g;
  for (let match = cue.exec(source); match && segments.length < MAX_CUES; match = cue.exec(source)) {
    const [, tag, attributes = '', body = ''] = match;
    const ms = tag === 'p';
    const start = attribute(attributes, ms ? 't' : 'start');
    const duration = attribute(attributes, ms ? 'd' : 'dur');
    if (!Number.isFinite(start) || start < 0) continue;
    const text = plain(body);
    const scale = ms ? 1000 : 1;
    const length = Number.isFinite(duration) && duration >= 0 ? duration : 0;
    if (text) segments.push({ start: start / scale, end: (start + length) / scale, text });
  }
  return segments;
}

/** The answer's text without a byte-order mark or leading space, and whether it is WebVTT. */
function readAnswer(source: string): { text: string; vtt: boolean } {
  const text = source.replace(/^\uFEFF/, '').trimStart();
  return { text, vtt: text.startsWith('WEBVTT') };
}

/** The cues of a timedtext answer (WebVTT, json3, srv3 or srv1), in order; [] for anything else. */
export function parseTimedText(source: string): Segment[] {
  const { text, vtt } = readAnswer(source);
  if (vtt) return parseWebVtt(text).slice(0, MAX_CUES);
  const segments = text.startsWith('{') ? parseJson3(text) : text.startsWith('<') ? parseXml(text) : [];
  return segments.sort((a, b) => a.start - b.start);
}

/**
 * Auto-generated captions as YouTube writes them in WebVTT roll up: each cue repeats the line
 * before it, and a 10 ms cue repeats the line just finished. One line per stretch of speech:
 * a cue whose text the previous cue already ended with is dropped, and the previous cue's text
 * at the start of a cue is cut off.
 */
export function collapseRollingCaptions(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  let previous = '';
  for (const segment of segments) {
    const raw = segment.text;
    if (previous && (raw === previous || previous.endsWith(` ${raw}`))) {
      previous = raw;
      continue;
    }
    const text = previous && raw.startsWith(`${previous} `) ? raw.slice(previous.length + 1).trim() : raw;
    previous = raw;
    if (text) out.push({ ...segment, text });
  }
  return out;
}

/** A caption track's segments: auto-generated WebVTT collapsed to one line per stretch of speech. */
export function captionSegments(source: string, auto: boolean): Segment[] {
  const segments = parseTimedText(source);
  return auto && readAnswer(source).vtt ? collapseRollingCaptions(segments) : segments;
}
