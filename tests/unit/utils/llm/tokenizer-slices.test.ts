import { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import { describe, expect, it } from 'vitest';
import { buildEncoding, parseRankLines, rankLines, type Rank } from '@/utils/llm/tokenizer-slices';
import { packageRanks } from '@/tests/unit/setup/tokenizer';

const TEXTS = [
  'Hello, world! How are you today?',
  '摘要：这是一个测试。全角标点，和 English mixed 文本。',
  'مرحبا بالعالم — שלום עולם',
  'Emoji 👩‍👩‍👧‍👦 and bytes \u0000\u0001\ufffd plus <|endoftext|> written as text',
  'function add(a, b) {\n  return a + b; // tabs\tand   spaces\n}',
  'ｆｕｌｌｗｉｄｔｈ ｌｅｔｔｅｒｓ and ｶﾀｶﾅ, 한국어 텍스트, ελληνικά, русский текст',
];
const AS_TEXT = { disallowedSpecial: new Set<string>() };

describe('the tokenizer built a slice at a time', () => {
  for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
    it(`counts exactly as the library's own construction (${encoding}), from the file the build writes`, async () => {
      const ranks = await packageRanks(encoding);
      const reference = GptEncoding.getEncodingApi(encoding, () => ranks as (string | number[])[]);
      let yields = 0;
      const parsed = await parseRankLines(new TextEncoder().encode(rankLines(ranks)), async () => {
        yields += 1;
      });
      expect(parsed).toHaveLength(ranks.length);
      const sliced = await buildEncoding(encoding, parsed, async () => {
        yields += 1;
      });
      // Work handed back to the event loop between slices, not done in one task.
      expect(yields).toBeGreaterThan(20);
      for (const text of TEXTS) {
        expect(sliced.countTokens(text, AS_TEXT), text).toBe(reference.countTokens(text, AS_TEXT));
        expect(sliced.encode(text, AS_TEXT), text).toEqual(reference.encode(text, AS_TEXT));
      }
      expect(sliced.decode(reference.encode(TEXTS[3]!, AS_TEXT))).toBe(TEXTS[3]);
    });
  }

  it('refuses ranks that do not make up the encoding (a truncated file)', async () => {
    const ranks = (await packageRanks('cl100k_base')).slice(0, 1000) as Rank[];
    await expect(buildEncoding('cl100k_base', ranks, async () => {})).rejects.toThrow(/expected/);
  });

  it('keeps unused ranks as null in the file and skips them when building', () => {
    const withHole: Rank[] = ['a'];
    withHole[2] = [255];
    expect(rankLines(withHole)).toBe('"a"\nnull\n[255]');
  });
});
