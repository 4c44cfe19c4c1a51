// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extractPage } from '@/utils/page/extract';
import { FOR_TRANSLATION, rangeToMarkdown, selectionToMarkdown } from '@/utils/page/selection-markdown';
import { mount, rangeOf, SELECTION_CASES } from './selection-cases';

/**
 * The exact text each path sends to the model for a selection, pinned: `summary` is the page
 * Markdown extractPage gives the summary for that selection (null: nothing to summarize), and
 * `translate` is what the translation card translates (before its fall-back to the selection's
 * plain text), `both` where they agree. They differ on purpose where a translation must keep the
 * shape it was given.
 */
const PINNED: Record<string, { both: string } | { summary: string | null; translate: string }> = {
  paragraphs: { both: 'First paragraph.\n\nSecond paragraph with a newline.' },
  'part of one paragraph': { both: 'wonderful' },
  'across two paragraphs': { both: 'one.\n\nMiddle.\n\nEnd' },
  headings: {
    summary: '# Title\n\n## Sub title\n\n### Two lines\n\n###### Small\n\nBody.',
    translate: '# Title\n\n## Sub title\n\n### Two\nlines\n\n###### Small\n\nBody.',
  },
  'line breaks': { both: 'One\ntwo\n\nfour\n\nNext' },
  emphasis: { both: 'Bold, italic, b, i, u, s, del, mark, small, x2, H2O.' },
  links: { both: 'See the docs and top.\n\nBold link' },
  images: {
    summary: 'An image between words.\n\nA caption.\n\nAfter picture.',
    translate: 'An image  between words.\n\nA caption.\n\nAfter picture.',
  },
  'unordered list': { both: '- One\n- Two em\n- Three' },
  'ordered list with start': { both: '3. Three\n4. Four\n\n1. One' },
  'nested lists': { both: '- One\n  - One.a\n    - One.a.i\n  - One.b\n- Two' },
  'lists nested across kinds': {
    summary: '1. First\n   - bullet\n2. Second\n   1. inner\n\n- Dot\n  5. five',
    translate: '1. First\n  - bullet\n2. Second\n  1. inner\n\n- Dot\n  5. five',
  },
  'list items with paragraphs': {
    summary: '- Para one\n  Para two\n- Plain',
    translate: '- Para one\n\n  Para two\n- Plain',
  },
  'formatted nested list': {
    summary: '- One\n  - a\n  - b\n- Two',
    translate: '- One\n   - a\n   - b\n- Two',
  },
  'paragraph then nested list in an item': {
    summary: '- Intro\n  - sub\n- Next',
    translate: '- Intro\n\n  - sub\n- Next',
  },
  'code in a list item': {
    summary: '1. Install:\n   ```\n   npm i\n   ```\n2. Run `x`',
    translate: '1. Install:\n\n  ```\n  npm i\n  ```\n2. Run `x`',
  },
  'empty list item and heading': {
    summary: '- b\n\nt',
    translate: '-\n- b\n\n##\n\nt',
  },
  'part of a list': {
    summary: 'Alpha\n\nBeta\n\nGamma',
    translate: '- Alpha\n- Beta\n- Gamma',
  },
  'part of an ordered list': {
    summary: 'Beta\n\nGamma',
    translate: '- Beta\n- Gamma',
  },
  'code block': { both: 'Run:\n\n```\nif (a < b) {\n  go();\n\n  stop();\n}\n```\n\nDone.' },
  'code block with fences inside': {
    summary: '~~~\na ``` b\n````\n~~~',
    translate: '`````\na ``` b\n````\n`````',
  },
  'inline code': {
    summary: 'Call `run()`, `spaced out`, `a`b`, `Ctrl`+`C`, `out`.',
    translate: 'Call `run()`, ` spaced  out `, `ab`, Ctrl+C, out.',
  },
  'inside a code block': {
    summary: 'const s = ```; next(); indented();',
    translate: '````\nconst s = ```;\nnext();\n  indented();\n````',
  },
  'data table': {
    summary: 'People\n\nName | Age\n--- | ---\nAnn \\| Bo | 31\n | 7',
    translate: 'People\n\nName | Age\n\nAnn | Bo | 31\n| 7',
  },
  'table without header': { both: 'a | b\nc | d' },
  'layout table': {
    summary: 'Column one.\n\nMore.\n\nColumn two.',
    translate: 'Column one.\n\nMore. | Column two.',
  },
  'part of a table row': {
    summary: 'a\n\nb\n\nc',
    translate: 'a | b | c |',
  },
  blockquote: {
    summary: '> Quoted\n> \n> Twice\n\n> Inline\n> \n> > Nested',
    translate: '> Quoted\n>\n> Twice\n\n> Inline\n>\n> > Nested',
  },
  'rule and definitions': {
    summary: 'Above\n\nBelow\n\nTerm\n\n: Definition\n\n: Two\n: \n: paras',
    translate: 'Above\n\n---\n\nBelow\n\nTerm\n\nDefinition\n\nTwo\n\nparas',
  },
  'details and summary': { both: 'More\n\nHidden detail.' },
  Chinese: { both: '## 标题\n\n这是第一段，包含中文标点。第二句！\n\n全角 空格与链接和强调。\n\n- 第一项\n- 第二项' },
  'Japanese with ruby': { both: '漢字(かんじ)を読む。' },
  'Arabic and Hebrew': { both: 'مرحبا بالعالم. هذا نص عربي مع رقم 42.\n\nשלום עולם!' },
  'form fields': { both: 'Name:\n\nLabel text' },
  'hidden nodes': {
    summary: 'Shown\n\nsecret\n\n★\n\ncss hidden',
    translate: 'Shown\n\ncss hidden',
  },
  'only an image': {
    summary: null,
    translate: '',
  },
  'inside a button': { both: 'Press' },
  'blocks inside a link': {
    summary: 'Card title Card text tail para in span end',
    translate: 'Card title\n\nCard text\n\ntail\n\npara in span\n\nend',
  },
  'formatted markup': {
    summary: 'Indented text link here.\n\n- item',
    translate: 'Indented text  link  here.\n\n- item',
  },
  'non-breaking spaces': {
    summary: 'a b c',
    translate: 'a b  c',
  },
};

/** The summary path: extractPage on the document with the case selected. */
function summaryOf(range: Range): string | null {
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  const result = extractPage(document, selection);
  selection.removeAllRanges();
  if (!result.ok) return null;
  expect(result.page.source).toBe('selection');
  return result.page.markdown;
}

/** The translation path: what the card turns the selected range into. */
function translationOf(range: Range): string {
  return rangeToMarkdown(range, FOR_TRANSLATION);
}

describe('selection → Markdown, pinned for both paths', () => {
  it('pins every case', () => {
    expect(Object.keys(PINNED).sort()).toEqual(SELECTION_CASES.map((item) => item.name).sort());
  });

  describe.each(SELECTION_CASES)('$name', (item) => {
    it('summary', () => {
      const pinned = PINNED[item.name]!;
      expect(summaryOf(rangeOf(item, mount(item.html)))).toBe('both' in pinned ? pinned.both : pinned.summary);
    });

    it('translation', () => {
      const pinned = PINNED[item.name]!;
      expect(translationOf(rangeOf(item, mount(item.html)))).toBe('both' in pinned ? pinned.both : pinned.translate);
    });
  });
});

function selectAll(element: Node): Range {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range;
}

describe('rangeToMarkdown for a translation', () => {
  it('keeps paragraphs, line breaks, headings and lists, and drops link URLs and images', () => {
    const root = mount(`
      <h2>A   title</h2>
      <p>First <b>bold</b> line<br>second line with <a href="https://example.com/very/long/url">a link</a>.</p>
      <ul><li>one</li><li>two <ul><li>nested</li></ul></li></ul>
      <ol start="3"><li>three</li><li>four</li></ol>
      <img src="x.png" alt="picture"><script>alert(1)</script>
      <blockquote><p>Quoted words.</p></blockquote>`);
    expect(rangeToMarkdown(selectAll(root), FOR_TRANSLATION)).toBe(
      '## A title\n\nFirst bold line\nsecond line with a link.\n\n- one\n- two\n  - nested\n\n3. three\n4. four\n\n> Quoted words.',
    );
  });

  it('fences code blocks verbatim (they are never translated) and keeps inline code in backticks', () => {
    const root = mount('<p>Run <code>npm test</code> then:</p><pre><code>if (a &lt; b) {\n  go();\n}</code></pre><p>Done.</p>');
    expect(rangeToMarkdown(selectAll(root), FOR_TRANSLATION)).toBe(
      'Run `npm test` then:\n\n```\nif (a < b) {\n  go();\n}\n```\n\nDone.',
    );
  });

  it('treats a selection inside one code block as all code, with a fence longer than any backticks in it', () => {
    const root = mount('<pre id="pre">const s = ```;\nnext();</pre>');
    const text = root.querySelector('#pre')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 13);
    expect(rangeToMarkdown(range, FOR_TRANSLATION)).toBe('````\nconst s = ```\n````');
  });

  it('converts only the selected part of an element', () => {
    const root = mount('<p id="p">Hello wonderful world</p>');
    const text = root.querySelector('#p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 6);
    range.setEnd(text, 15);
    expect(rangeToMarkdown(range, FOR_TRANSLATION)).toBe('wonderful');
  });

  it('falls back to the plain text when nothing of the range converts', () => {
    const root = mount('<button id="b">Press here</button>');
    const range = document.createRange();
    range.selectNodeContents(root.querySelector('#b')!);
    expect(rangeToMarkdown(range, FOR_TRANSLATION)).toBe('Press here');
    expect(rangeToMarkdown(range)).toBe('Press here');
  });
});

describe('selectionToMarkdown', () => {
  it('is empty without a selection, and joins every range of one', () => {
    expect(selectionToMarkdown(null)).toBe('');
    const root = mount('<p id="a">First</p><p>skipped</p><p id="b">Second</p>');
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    expect(selectionToMarkdown(selection)).toBe('');
    selection.addRange(selectAll(root.querySelector('#a')!));
    expect(selectionToMarkdown(selection)).toBe('First');
    // jsdom keeps one range, as Chromium does; Firefox hands over one per selected table cell.
    const twoRanges = {
      isCollapsed: false,
      rangeCount: 2,
      toString: () => 'First Second',
      getRangeAt: (i: number) => selectAll(root.querySelector(i ? '#b' : '#a')!),
    };
    expect(selectionToMarkdown(twoRanges as unknown as Selection)).toBe('First\n\nSecond');
    selection.removeAllRanges();
  });
});
