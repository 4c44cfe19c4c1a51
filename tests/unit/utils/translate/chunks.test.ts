import { describe, expect, it } from 'vitest';
import { MAX_PARTS_PER_CHUNK, planChunks, splitLongText } from '@/utils/translate/chunks';
import { getTokenizer } from '@/utils/llm/tokens';
import { hasLoneSurrogate, UNBROKEN_TEXTS } from '@/tests/unit/helpers/unbroken-texts';

const tokenizer = await getTokenizer('gpt-4o-mini');
const count = (text: string) => tokenizer.count(text);

/** Puts a segment back together from its parts, as the action joins them. */
function rejoin(parts: { text: string; joiner: string }[]): string {
  return parts.map((part, i) => (i === 0 ? part.text : part.joiner + part.text)).join('');
}

describe('splitLongText', () => {
  it('leaves a text that fits alone', () => {
    expect(splitLongText('Short text.', 100, count)).toEqual([{ text: 'Short text.', joiner: '', tokens: count('Short text.') }]);
  });

  it('cuts at paragraphs first, keeping each piece under the limit and the whole text intact', () => {
    const paragraphs = Array.from(
      { length: 30 },
      (_, i) => `Paragraph ${i} says something about the topic at hand, in a few words.`,
    );
    const text = paragraphs.join('\n\n');
    const pieces = splitLongText(text, 100, count);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece.tokens).toBeLessThanOrEqual(100);
    expect(pieces.slice(1).every((piece) => piece.joiner === '\n\n')).toBe(true);
    expect(rejoin(pieces)).toBe(text);
  });

  it('falls back to sentences, then words, then characters (a text with no spaces at all)', () => {
    const sentences = 'One sentence here. '.repeat(200).trim();
    const bySentence = splitLongText(sentences, 50, count);
    for (const piece of bySentence) {
      expect(piece.tokens).toBeLessThanOrEqual(50);
      expect(piece.text.endsWith('.')).toBe(true);
    }
    expect(rejoin(bySentence)).toBe(sentences);

    const chinese = '这是一个没有空格的很长的中文句子'.repeat(100);
    const pieces = splitLongText(chinese, 40, count);
    for (const piece of pieces) expect(piece.tokens).toBeLessThanOrEqual(40);
    expect(pieces.map((piece) => piece.text).join('')).toBe(chinese);

    const noBreaks = 'x'.repeat(5000);
    const cut = splitLongText(noBreaks, 30, count);
    for (const piece of cut) expect(piece.tokens).toBeLessThanOrEqual(30);
    expect(cut.map((piece) => piece.text).join('')).toBe(noBreaks);
  });

  it('cuts after Chinese sentence ends', () => {
    const text = '第一句话很长很长。'.repeat(60);
    const pieces = splitLongText(text, 60, count);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.text.endsWith('。')).toBe(true);
  });
});

describe('splitLongText on text with no boundary at all (pinned pieces)', () => {
  /** Piece lengths (UTF-16 units) and token counts for each text of UNBROKEN_TEXTS. */
  const PINNED: Record<string, { lengths: number[]; tokens: number[] }> = {
    'one ASCII letter repeated': { lengths: [160, 140], tokens: [20, 18] },
    'ASCII letters and digits': {
      lengths: [38, 40, 34, 37, 37, 35, 42, 36, 41, 38, 22],
      tokens: [25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 16],
    },
    'CJK without punctuation': {
      lengths: [22, 19, 19, 20, 22, 19, 19, 20, 22, 19, 19, 20, 22, 19, 19, 20],
      tokens: Array(16).fill(15),
    },
    'emoji only': { lengths: Array(8).fill(10), tokens: Array(8).fill(5) },
    'emoji and astral letters among ASCII': {
      lengths: [10, 4, 8, 6, 6, 8, 4, 8, 6, 6, 8, 4, 8, 6, 6, 8, 4, 8, 6, 6, 8, 4, 8, 6, 6, 8, 4, 8, 6, 4],
      tokens: [6, 6, 6, 6, 7, 5, 6, 6, 6, 7, 5, 6, 6, 6, 7, 5, 6, 6, 6, 7, 5, 6, 6, 6, 7, 5, 6, 6, 6, 6],
    },
    // A character over the budget is a piece of its own: one whole astral letter, 3 tokens.
    'astral letters over a 1-token budget': { lengths: Array(21).fill(2), tokens: Array(21).fill(3) },
    'ASCII, CJK and emoji mixed': { lengths: [29, 26, 26, 27, 29, 26, 26, 27, 24], tokens: [9, 9, 9, 9, 9, 9, 9, 9, 8] },
  };

  it.each(UNBROKEN_TEXTS)('$name', ({ name, text, budget }) => {
    const pieces = splitLongText(text, budget, count);
    expect({ lengths: pieces.map((piece) => piece.text.length), tokens: pieces.map((piece) => piece.tokens) }).toEqual(
      PINNED[name],
    );
    expect(pieces.every((piece) => piece.joiner === '' && piece.tokens === count(piece.text))).toBe(true);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
    expect(pieces.some((piece) => hasLoneSurrogate(piece.text))).toBe(false);
  });
});

describe('planChunks', () => {
  it('keeps segments in order, packs small ones together, and respects the token budget', () => {
    const segments = Array.from({ length: 50 }, (_, i) => ({ id: `s${i}`, text: `Segment number ${i} has a handful of words.` }));
    const chunks = planChunks(segments, 120, count);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.tokens).toBeLessThanOrEqual(120);
    const order = chunks.flatMap((chunk) => chunk.parts.map((part) => part.segment));
    expect(order).toEqual(segments.map((segment) => segment.id));
  });

  it('splits a long segment across chunks in order, so translating the chunks in turn yields it whole', () => {
    const long = Array.from({ length: 40 }, (_, i) => `Line ${i} of a very long paragraph that keeps going.`).join('\n');
    const segments = [
      { id: 'a', text: 'Before.' },
      { id: 'b', text: long },
      { id: 'c', text: 'After.' },
    ];
    const chunks = planChunks(segments, 100, count);
    const parts = chunks.flatMap((chunk) => chunk.parts);
    expect(parts[0]).toMatchObject({ segment: 'a', text: 'Before.' });
    expect(parts.at(-1)).toMatchObject({ segment: 'c', text: 'After.' });
    const bParts = parts.filter((part) => part.segment === 'b');
    expect(bParts.length).toBeGreaterThan(2);
    expect(rejoin(bParts)).toBe(long);
    // Each segment's parts are contiguous: no segment resumes after another one started.
    const firstSeen = parts.map((part) => part.segment).filter((id, i, all) => all.indexOf(id) === i);
    expect(firstSeen).toEqual(['a', 'b', 'c']);
  });

  it('puts at most MAX_PARTS_PER_CHUNK parts in a chunk', () => {
    const segments = Array.from({ length: 200 }, (_, i) => ({ id: `s${i}`, text: `w${i}` }));
    const chunks = planChunks(segments, 100_000, count);
    expect(chunks.every((chunk) => chunk.parts.length <= MAX_PARTS_PER_CHUNK)).toBe(true);
    expect(chunks.flatMap((chunk) => chunk.parts).map((part) => part.segment)).toEqual(segments.map((s) => s.id));
  });

  it('takes another limit of parts when given one (a page batch of up to 48 paragraphs is one request)', () => {
    const segments = Array.from({ length: 48 }, (_, i) => ({ id: `s${i}`, text: `w${i}` }));
    expect(planChunks(segments, 100_000, count).map((chunk) => chunk.parts.length)).toEqual([MAX_PARTS_PER_CHUNK, 8]);
    expect(planChunks(segments, 100_000, count, 48).map((chunk) => chunk.parts.length)).toEqual([48]);
  });

  it('plans a 200,000-character selection', () => {
    const text = Array.from(
      { length: 400 },
      (_, i) => `Paragraph ${i}. ${'Some ordinary words in a sentence. '.repeat(14)}`,
    ).join('\n\n');
    expect(text.length).toBeGreaterThan(200_000);
    const chunks = planChunks([{ id: 's1', text }], 1500, count);
    expect(chunks.length).toBeGreaterThan(20);
    expect(rejoin(chunks.flatMap((chunk) => chunk.parts))).toBe(text);
  });
});
