import { describe, expect, it } from 'vitest';
import { hardSplit } from '@/utils/text-split';
import { getTokenizer } from '@/utils/llm/tokens';
import { hasLoneSurrogate, UNBROKEN_TEXTS } from '@/tests/unit/helpers/unbroken-texts';

const { count } = await getTokenizer('gpt-4o-mini');

/** The pieces' texts. */
function textsOf(text: string, budget: number, counter = count): string[] {
  return hardSplit(text, budget, counter).map((piece) => text.slice(piece.start, piece.end));
}

describe('hardSplit', () => {
  it.each(UNBROKEN_TEXTS)('$name: whole, in order, within the budget, never half a character', ({ text, budget }) => {
    const pieces = hardSplit(text, budget, count);
    let cursor = 0;
    for (const piece of pieces) {
      const slice = text.slice(piece.start, piece.end);
      expect(piece.start).toBe(cursor);
      expect(piece.end).toBeGreaterThan(piece.start);
      expect(piece.tokens).toBe(count(slice));
      expect(hasLoneSurrogate(slice)).toBe(false);
      // Over the budget only when the piece is one character that alone is.
      if (piece.tokens > budget) expect(Array.from(slice)).toHaveLength(1);
      cursor = piece.end;
    }
    expect(cursor).toBe(text.length);
  });

  it('makes each piece as long as fits (pinned on ASCII and CJK)', () => {
    expect(textsOf('x'.repeat(300), 20).map((piece) => piece.length)).toEqual([160, 140]);
    expect(textsOf('这是一个没有标点的很长的中文句子'.repeat(2), 15)).toEqual([
      '这是一个没有标点的很长的中文句子这是一个没有',
      '标点的很长的中文句子',
    ]);
  });

  it('cuts between surrogate pairs, and keeps a character over the budget whole', () => {
    // One "token" per UTF-16 unit: a cut by units would land inside a pair.
    const units = (text: string) => text.length;
    expect(textsOf('a😀b😀c', 2, units)).toEqual(['a', '😀', 'b', '😀', 'c']);
    expect(textsOf('😀😀😀', 3, units)).toEqual(['😀', '😀', '😀']);
    expect(textsOf('😀😀😀', 1, units)).toEqual(['😀', '😀', '😀']);
    expect(textsOf('ab😀', 3, units)).toEqual(['ab', '😀']);
  });

  it('returns nothing for an empty text and one piece for a text that fits', () => {
    expect(hardSplit('', 10, count)).toEqual([]);
    expect(hardSplit('short', 10, count)).toEqual([{ start: 0, end: 5, tokens: count('short') }]);
  });
});
