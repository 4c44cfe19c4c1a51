import { describe, expect, it } from 'vitest';
import { splitBlocks } from '@/utils/ask/blocks';

const MARKDOWN = [
  '## Intro link',
  'Hello world, a *star* [1] and `x_y`.',
  '- one\n- two it\n  continued',
  '1. a\n2. b',
  'H1 | H2\n--- | ---\na | b\nc | d',
  '```js\nlet x = 1;\n\nlet y;\n```',
  '> quoted\n> more',
  '### Next',
  'Last paragraph.',
].join('\n\n');

describe('splitBlocks', () => {
  it('numbers paragraphs, list items, headings, table rows and code blocks in page order', () => {
    const blocks = splitBlocks(MARKDOWN);
    expect(blocks.map((block) => [block.n, block.kind, block.plain])).toEqual([
      [1, 'heading', 'Intro link'],
      [2, 'paragraph', 'Hello world, a *star* [1] and x_y.'],
      [3, 'item', 'one'],
      [4, 'item', 'two it continued'],
      [5, 'item', 'a'],
      [6, 'item', 'b'],
      [7, 'row', 'H1 H2'],
      [8, 'row', 'a b'],
      [9, 'row', 'c d'],
      [10, 'code', 'let x = 1;\n\nlet y;'],
      [11, 'quote', 'quoted more'],
      [12, 'heading', 'Next'],
      [13, 'paragraph', 'Last paragraph.'],
    ]);
  });

  it('keeps each block under the heading it follows, and the Markdown as the model reads it', () => {
    const blocks = splitBlocks(MARKDOWN);
    expect(blocks[1]!.heading).toBe(1);
    expect(blocks[9]!.heading).toBe(1);
    expect(blocks[12]!.heading).toBe(12);
    expect(blocks[0]!.heading).toBe(0);
    expect(blocks[2]!.text).toBe('- one');
    expect(blocks[9]!.text).toBe('```js\nlet x = 1;\n\nlet y;\n```');
  });

  it('gives the same numbers for the same text, and skips blocks without words', () => {
    expect(splitBlocks(MARKDOWN)).toEqual(splitBlocks(MARKDOWN));
    expect(splitBlocks('---\n\n***\n\nText').map((block) => block.plain)).toEqual(['Text']);
    expect(splitBlocks('')).toEqual([]);
  });
});
