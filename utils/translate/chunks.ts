import { hardSplit, type CountTokens } from '@/utils/text-split';
import type { TranslateSegment } from '@/utils/translate/types';

/** One request's share of a segment. */
export interface ChunkPart {
  segment: string;
  text: string;
  /**
   * What separated this part from the previous part of the same segment in the source ('' for a
   * segment's first part): written into the translation between the two.
   */
  joiner: string;
}

/** The parts one request translates, in order, and their token count. */
export interface Chunk {
  parts: ChunkPart[];
  tokens: number;
}

export type { CountTokens };

/** Most parts in one request: each is marked, and a model copying many markers starts to slip. */
export const MAX_PARTS_PER_CHUNK = 40;
/** Tokens of the marker line that introduces a part in a multi-part request. */
const MARKER_TOKENS = 6;

// Where a long text may be cut, best first: paragraphs, lines, sentences, words.
const BREAKS = [/(\n\s*\n\s*)/, /(\n)/, /(?<=[.!?。！？；;])(\s+)|(?<=[。！？；])()/, /(\s+)/];

/**
 * Cuts a text into pieces of at most `maxTokens`, at the best break available (paragraph, line,
 * sentence, word, and only as a last resort inside a word). Each piece keeps the separator that
 * came before it, so the whole can be put back together.
 */
export function splitLongText(
  text: string,
  maxTokens: number,
  count: CountTokens,
  level = 0,
): { text: string; joiner: string; tokens: number }[] {
  const tokens = count(text);
  if (tokens <= maxTokens) return [{ text, joiner: '', tokens }];
  const pattern = BREAKS[level];
  if (!pattern) {
    // No boundary left at all: cut inside the text (the pieces rejoin with nothing between them).
    return hardSplit(text, maxTokens, count).map(({ start, end, tokens }) => ({
      text: text.slice(start, end),
      joiner: '',
      tokens,
    }));
  }
  const raw = text.split(pattern).filter((item) => item !== undefined);
  // split() with a capture group alternates: piece, separator, piece...
  const pieces: { text: string; joiner: string }[] = [];
  for (let i = 0; i < raw.length; i += 2) pieces.push({ text: raw[i]!, joiner: i === 0 ? '' : raw[i - 1]! });
  if (pieces.length === 1) return splitLongText(text, maxTokens, count, level + 1);

  const out: { text: string; joiner: string; tokens: number }[] = [];
  let current: { text: string; joiner: string; tokens: number } | undefined;
  for (const piece of pieces) {
    const pieceTokens = count(piece.text);
    if (pieceTokens > maxTokens) {
      if (current) out.push(current);
      current = undefined;
      const smaller = splitLongText(piece.text, maxTokens, count, level + 1);
      smaller[0]!.joiner = piece.joiner;
      out.push(...smaller);
    } else if (current && current.tokens + pieceTokens <= maxTokens) {
      current.text += piece.joiner + piece.text;
      current.tokens += pieceTokens;
    } else {
      if (current) out.push(current);
      current = { text: piece.text, joiner: piece.joiner, tokens: pieceTokens };
    }
  }
  if (current) out.push(current);
  if (out.length) out[0]!.joiner = '';
  return out.filter((piece) => piece.text.trim() !== '');
}

/**
 * Plans the requests for a list of segments: segments in order, long ones cut into parts, packed
 * into chunks of at most `maxTokens` (marker lines included) and `maxParts` parts.
 * Translating the chunks one after the other yields every segment, in order.
 */
export function planChunks(
  segments: readonly TranslateSegment[],
  maxTokens: number,
  count: CountTokens,
  maxParts = MAX_PARTS_PER_CHUNK,
): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk = { parts: [], tokens: 0 };
  for (const segment of segments) {
    for (const piece of splitLongText(segment.text, maxTokens - MARKER_TOKENS, count)) {
      const cost = piece.tokens + MARKER_TOKENS;
      if (current.parts.length && (current.tokens + cost > maxTokens || current.parts.length >= maxParts)) {
        chunks.push(current);
        current = { parts: [], tokens: 0 };
      }
      current.parts.push({ segment: segment.id, text: piece.text, joiner: piece.joiner });
      current.tokens += cost;
    }
  }
  if (current.parts.length) chunks.push(current);
  return chunks;
}
