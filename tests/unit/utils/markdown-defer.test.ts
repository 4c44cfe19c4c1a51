// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { IncrementalMarkdown, renderMarkdown } from '@/utils/markdown';
import { blockCut, flushLaterRenders, LATER_SLICE_CHARS } from '@/utils/markdown-defer';

/** The rendered structure, without the live wrapper and markers, for comparing with a whole render. */
function shape(element: HTMLElement): string {
  const clone = element.cloneNode(true) as HTMLElement;
  for (const live of clone.querySelectorAll('.md-live')) live.replaceWith(...live.childNodes);
  return clone.innerHTML.replace(/\s+/g, ' ').replace(/> </g, '><').trim();
}

function whole(text: string): string {
  const container = document.createElement('div');
  container.innerHTML = renderMarkdown(text);
  return shape(container);
}

/** A long answer: numbered sections with a list, a code block and a table among them. */
function longAnswer(sections: number): string {
  const parts: string[] = [];
  for (let i = 1; i <= sections; i += 1) {
    parts.push(`## Section ${i}`, `Paragraph ${i} says *something* with \`code\` and a [link](https://example.com/${i}).`);
    if (i % 3 === 0) parts.push(`- item ${i}a\n- item ${i}b\n\n  loose item text`);
    if (i % 4 === 0) parts.push(`\`\`\`js\nconst value${i} = ${i};\n\`\`\``);
    if (i % 5 === 0) parts.push(`| a | b |\n|---|---|\n| ${i} | ${i * 2} |`);
  }
  return parts.join('\n\n');
}

const waitForTasks = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => flushLaterRenders());

describe('a long text shown at once, its end first', () => {
  const text = longAnswer(250);

  it('renders only the last blocks at once, then the rest to the same HTML as a whole render', async () => {
    expect(text.length).toBeGreaterThan(3 * LATER_SLICE_CHARS);
    const container = document.createElement('div');
    new IncrementalMarkdown(container).append(text, { renderNowChars: 1_000 });
    const first = container.textContent ?? '';
    expect(first).toContain('Section 250');
    expect(first).not.toMatch(/Section 1\b/);
    expect(first.length).toBeLessThan(2_000);
    // Later tasks add the blocks nearest the end first (a task may only lex what comes next).
    for (let task = 0; task < 5 && container.textContent === first; task += 1) await waitForTasks();
    const second = container.textContent ?? '';
    expect(second.length).toBeGreaterThan(first.length);
    expect(second.endsWith(first)).toBe(true);
    expect(second).not.toMatch(/Section 1\b/);
    flushLaterRenders();
    expect(container.textContent).toMatch(/Section 1\b/);
    expect(shape(container)).toBe(whole(text));
  });

  it('renders everything at once without a budget, or when the text fits in it', () => {
    const all = document.createElement('div');
    new IncrementalMarkdown(all).append(text);
    expect(shape(all)).toBe(whole(text));
    const short = longAnswer(3);
    const fits = document.createElement('div');
    new IncrementalMarkdown(fits).append(short, { renderNowChars: 10_000 });
    expect(shape(fits)).toBe(whole(short));
    expect(fits.innerHTML).not.toContain('<!---->');
  });

  it('drops what was to come when the text is replaced meanwhile, and keeps streaming right', () => {
    const container = document.createElement('div');
    const renderer = new IncrementalMarkdown(container);
    renderer.append(text, { renderNowChars: 1_000 });
    renderer.reset('Another answer.');
    flushLaterRenders();
    expect(shape(container)).toBe(whole('Another answer.'));
    renderer.append('\n\nMore *text*.');
    expect(shape(container)).toBe(whole('Another answer.\n\nMore *text*.'));
  });

  it('fills the lowest text on the page first when several are waiting', async () => {
    const upper = document.createElement('div');
    const lower = document.createElement('div');
    new IncrementalMarkdown(upper).append(text, { renderNowChars: 0 });
    new IncrementalMarkdown(lower).append(text, { renderNowChars: 0 });
    const upperBefore = upper.textContent!.length;
    await waitForTasks();
    expect(lower.textContent!.length).toBeGreaterThan(upperBefore);
    expect(upper.textContent!.length).toBe(upperBefore);
    flushLaterRenders();
    expect(shape(upper)).toBe(whole(text));
    expect(shape(lower)).toBe(whole(text));
  });
});

/** Texts whose blocks a careless cut would change: lists, quotes, fences holding headings, HTML, links. */
const TRICKY = {
  orderedLoose: Array.from({ length: 14 }, (_, i) => `${i + 1}. item number ${i + 1}\n\n   more text of ${i + 1}`).join('\n\n'),
  fencedHeadings: `Intro text.\n\n\`\`\`md\n## not a heading\n\nParagraph inside code\n\`\`\`\n\n~~~\nTilde code\n\n## still code\n~~~\n\nAfter ${'words '.repeat(80)}`,
  quoteAndList: `> quoted line\n> more\n\n- a\n- b\n\n  continued item\n\nText at the margin ${'x '.repeat(60)}\n\n## End\n\nLast.`,
  htmlBlock: `<pre>\nkept\n\n## inside pre\n</pre>\n\nAfter the block ${'y '.repeat(80)}`,
  referenceLink: `See [the docs][d].\n\n## Part\n\n${'z '.repeat(80)}\n\n[d]: https://example.com/docs`,
};

describe('blockCut', () => {
  it('cuts at a heading or text at the margin after a blank line, leaving at least what is asked', () => {
    const text = longAnswer(30);
    const cut = blockCut(text, 500);
    expect(cut).toBeGreaterThan(0);
    expect(text.length - cut).toBeGreaterThanOrEqual(500);
    expect(text.slice(cut - 2, cut)).toBe('\n\n');
    expect(blockCut(text, text.length)).toBe(0);
  });

  it('never cuts inside fenced code, nor a text with an HTML block or a link definition', () => {
    const fenced = TRICKY.fencedHeadings;
    const cut = blockCut(fenced, 10);
    expect(cut).toBe(fenced.indexOf('After'));
    expect(blockCut(TRICKY.htmlBlock, 10)).toBe(0);
    expect(blockCut(TRICKY.referenceLink, 10)).toBe(0);
    // "10. item" continues the list: not a place to cut.
    expect(blockCut(TRICKY.orderedLoose, 10)).toBe(0);
  });

  it.each(Object.entries(TRICKY))('renders %s, end first, to the same HTML as a whole render', (_name, text) => {
    for (const keep of [0, 20, 100]) {
      const container = document.createElement('div');
      new IncrementalMarkdown(container).append(text, { renderNowChars: keep });
      flushLaterRenders();
      expect(shape(container), `keep ${keep}`).toBe(whole(text));
    }
  });
});
