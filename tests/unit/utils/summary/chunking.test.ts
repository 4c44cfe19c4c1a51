import { describe, expect, it } from 'vitest';
import { chunkMarkdown } from '@/utils/summary/chunking';
import { markdownBlocks, markdownSections } from '@/utils/summary/sections';
import { getTokenizer } from '@/utils/llm/tokens';
import { hasLoneSurrogate, UNBROKEN_TEXTS } from '@/tests/unit/helpers/unbroken-texts';

const paragraph = (words: number, seed: string) =>
  Array.from({ length: words }, (_, i) => `${seed}${i % 7 === 6 ? '.' : ''}`)
    .join(' ')
    .replace(/\.?$/, '.');

/** A page of sections and subsections, ~`size` words per paragraph. */
function page(): string {
  const parts: string[] = [];
  for (let s = 1; s <= 5; s++) {
    parts.push(`# Section ${s}`);
    for (let sub = 1; sub <= 3; sub++) {
      parts.push(`## Section ${s}.${sub}`, paragraph(60, `alpha${s}${sub}`), paragraph(40, `beta${s}${sub}`));
    }
  }
  return parts.join('\n\n');
}

/** Chunks never overlap, are in order, and between them there is only whitespace: nothing is lost. */
function expectCovers(markdown: string, chunks: { start: number; end: number; text: string }[]) {
  let cursor = 0;
  for (const chunk of chunks) {
    expect(markdown.slice(cursor, chunk.start).trim()).toBe('');
    expect(chunk.text).toBe(markdown.slice(chunk.start, chunk.end));
    cursor = chunk.end;
  }
  expect(markdown.slice(cursor).trim()).toBe('');
}

describe('markdown structure', () => {
  it('finds blocks (never inside code fences) and nested sections with offsets', () => {
    const markdown = '# A\n\nintro\n\n```\ncode\n\nmore code\n```\n\n## A.1\ntext right under\n\n# B\n\nend';
    const blocks = markdownBlocks(markdown).map((block) => markdown.slice(block.start, block.end));
    expect(blocks).toEqual(['# A', 'intro', '```\ncode\n\nmore code\n```', '## A.1', 'text right under', '# B', 'end']);
    const sections = markdownSections(markdown).map((s) => [s.title, s.level, markdown.slice(s.start, s.end)]);
    expect(sections).toEqual([
      ['A', 1, markdown.slice(0, markdown.indexOf('# B')).trimEnd()],
      ['A.1', 2, '## A.1\ntext right under'],
      ['B', 1, '# B\n\nend'],
    ]);
  });
});

describe('chunkMarkdown', { timeout: 30_000 }, () => {
  it('keeps a page that fits in one chunk', async () => {
    const { count } = await getTokenizer('gpt-4o-mini');
    const markdown = page();
    const chunks = chunkMarkdown(markdown, 100_000, count);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.tokens).toBe(count(markdown));
  });

  it.each([1200, 700, 300, 120, 40])('splits on section boundaries with every chunk within %i tokens (exact)', async (budget) => {
    const { count } = await getTokenizer('gpt-4o-mini');
    const markdown = page();
    const chunks = chunkMarkdown(markdown, budget, count);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(count(chunk.text)).toBe(chunk.tokens);
      expect(chunk.tokens).toBeLessThanOrEqual(budget);
    }
    expectCovers(markdown, chunks);
    // Few requests: no two neighbours would have fitted together.
    for (let i = 0; i + 1 < chunks.length; i++) {
      expect(count(markdown.slice(chunks[i]!.start, chunks[i + 1]!.end))).toBeGreaterThan(budget);
    }
  });

  it('prefers the coarsest boundary: whole top-level sections when they fit', async () => {
    const { count } = await getTokenizer('gpt-4o-mini');
    const markdown = page();
    const sectionTokens = count(markdown.slice(0, markdown.indexOf('# Section 2')).trim());
    const chunks = chunkMarkdown(markdown, sectionTokens + 5, count);
    expect(chunks.map((chunk) => chunk.text.split('\n')[0])).toEqual([
      '# Section 1',
      '# Section 2',
      '# Section 3',
      '# Section 4',
      '# Section 5',
    ]);
    // Smaller budget: chunks start at subsections, and know which section they are in.
    const smaller = chunkMarkdown(markdown, Math.floor(sectionTokens / 2), count);
    for (const chunk of smaller) expect(chunk.text).toMatch(/^#{1,2} Section/);
    expect(smaller.find((chunk) => chunk.text.startsWith('## Section 3.2'))!.headings).toEqual(['Section 3']);
  });

  it('splits one huge paragraph at sentence ends (Latin and CJK), and one endless sentence inside', async () => {
    const { count } = await getTokenizer('gpt-4o-mini');
    const latin = Array.from({ length: 200 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const chunks = chunkMarkdown(latin, 100, count);
    for (const chunk of chunks) {
      expect(chunk.tokens).toBeLessThanOrEqual(100);
      expect(chunk.text.trimEnd()).toMatch(/here\.$/);
    }
    expectCovers(latin, chunks);

    const chinese = '浏览器扩展可以帮助你总结网页内容。'.repeat(300);
    const cjk = chunkMarkdown(chinese, 80, count);
    for (const chunk of cjk) {
      expect(chunk.tokens).toBeLessThanOrEqual(80);
      expect(chunk.text).toMatch(/。$/);
    }
    expect(cjk.map((chunk) => chunk.text).join('')).toBe(chinese);

    const endless = 'x'.repeat(5000);
    const cut = chunkMarkdown(endless, 50, count);
    expect(cut.map((chunk) => chunk.text).join('')).toBe(endless);
    for (const chunk of cut) expect(chunk.tokens).toBeLessThanOrEqual(50);
  });
});

describe('chunkMarkdown on text with no boundary at all (pinned pieces)', () => {
  /** Chunk lengths (UTF-16 units) and token counts for each text of UNBROKEN_TEXTS. */
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
    // A character over the budget is a chunk of its own: one whole astral letter, 3 tokens. (The
    // summary's own splitter used to cut it between its surrogates: 42 halves of 1 token, U+FFFD.)
    'astral letters over a 1-token budget': { lengths: Array(21).fill(2), tokens: Array(21).fill(3) },
    'ASCII, CJK and emoji mixed': { lengths: [29, 26, 26, 27, 29, 26, 26, 27, 24], tokens: [9, 9, 9, 9, 9, 9, 9, 9, 8] },
  };

  it.each(UNBROKEN_TEXTS)('$name', async ({ name, text, budget }) => {
    const { count } = await getTokenizer('gpt-4o-mini');
    const chunks = chunkMarkdown(text, budget, count);
    expect({ lengths: chunks.map((chunk) => chunk.end - chunk.start), tokens: chunks.map((chunk) => chunk.tokens) }).toEqual(
      PINNED[name],
    );
    expect(chunks.every((chunk) => chunk.tokens === count(chunk.text))).toBe(true);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(text);
    expect(chunks.some((chunk) => hasLoneSurrogate(chunk.text))).toBe(false);
  });
});
