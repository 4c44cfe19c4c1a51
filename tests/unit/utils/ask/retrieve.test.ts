import { describe, expect, it } from 'vitest';
import { splitBlocks } from '@/utils/ask/blocks';
import { formatBlock, scoreBlocks, selectBlocks, terms } from '@/utils/ask/retrieve';
import { getTokenizer } from '@/utils/llm/tokens';

const count = (text: string) => Math.ceil(text.length / 4);

function longPage(): string {
  const parts: string[] = [];
  for (let section = 1; section <= 40; section++) {
    parts.push(`## Chapter ${section}`);
    for (let p = 1; p <= 10; p++) {
      parts.push(`Paragraph ${p} of chapter ${section} tells about the harbour, the boats and the daily catch of the town.`);
    }
  }
  parts.splice(200, 0, 'The lighthouse keeper painted the tower bright crimson in 1911.');
  return parts.join('\n\n');
}

describe('terms', () => {
  it('drops stop words, stems Latin words lightly, and splits CJK text into character bigrams', () => {
    expect(terms('What are the prices of the boats?')).toEqual(['price', 'boat']);
    expect(terms('东京塔')).toEqual(['东京', '京塔']);
    expect(terms('猫')).toEqual(['猫']);
    expect(terms('GPT模型')).toEqual(['gpt', '模型']);
  });
});

describe('selectBlocks', () => {
  it('sends the whole page when it fits the budget', () => {
    const blocks = splitBlocks('# A\n\nOne.\n\nTwo.');
    expect(selectBlocks(blocks, 'anything', 1000, count)).toMatchObject({ sent: [1, 2, 3], total: 3, whole: true });
  });

  it('on a longer page sends the best-matching blocks with their headings, in page order, within the budget', () => {
    const blocks = splitBlocks(longPage());
    const answer = blocks.find((block) => block.plain.includes('lighthouse'))!;
    const chosen = selectBlocks(blocks, 'What colour did the keeper paint the lighthouse?', 400, count);
    expect(chosen.whole).toBe(false);
    expect(chosen.sent).toContain(answer.n);
    expect(chosen.sent).toContain(answer.heading);
    expect(chosen.sent).toEqual([...chosen.sent].sort((a, b) => a - b));
    const tokens = chosen.sent.reduce((sum, n) => sum + count(formatBlock(blocks[n - 1]!)) + 1, 0);
    expect(tokens).toBe(chosen.tokens);
    expect(chosen.tokens).toBeLessThanOrEqual(400);
  });

  it('re-ranks for each question', () => {
    const blocks = splitBlocks(longPage());
    const first = scoreBlocks(blocks, 'lighthouse crimson');
    const second = scoreBlocks(blocks, 'chapter 7');
    expect(first.indexOf(Math.max(...first))).not.toBe(second.indexOf(Math.max(...second)));
  });

  it('finds Chinese passages by bigrams', async () => {
    const tokenizer = await getTokenizer('gpt-4o-mini');
    const filler = Array.from({ length: 300 }, (_, i) => `第${i + 1}段讲述了城市的交通和天气变化。`);
    filler.splice(150, 0, '博物馆每周一闭馆，门票价格为六十元。');
    const blocks = splitBlocks(filler.join('\n\n'));
    const chosen = selectBlocks(blocks, '博物馆的门票多少钱？', 300, tokenizer.count);
    expect(chosen.sent).toContain(151);
  });
});
