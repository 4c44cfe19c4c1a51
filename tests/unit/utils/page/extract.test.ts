// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage, MAX_PAGE_CHARS } from '@/utils/page/extract';
import { getTokenizer } from '@/utils/llm/tokens';
import { referenceText, wordRecall } from '@/tests/unit/helpers/text-metrics';

const FIXTURES = path.resolve('tests/fixtures/pages');

function fixture(name: string) {
  const read = (file: string) => readFileSync(path.join(FIXTURES, name, file), 'utf8');
  const doc = new DOMParser().parseFromString(read('source.html'), 'text/html');
  const expected = new DOMParser().parseFromString(read('expected.html'), 'text/html');
  return { doc, reference: referenceText(expected.body), metadata: JSON.parse(read('expected-metadata.json')) };
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

// jsdom and Readability on real pages are slow on a busy machine: generous time, no timing assertions.
describe('extractPage on real pages', { timeout: 30_000 }, () => {
  it.each(['001', 'gmw', 'hukumusume', 'keep-tabular-data', 'v8-blog'])(
    '%s: the article as Markdown, about as many tokens as its text, with its words',
    async (name) => {
      const { doc, reference, metadata } = fixture(name);
      const before = doc.documentElement.outerHTML;
      const result = extractPage(doc);
      if (!result.ok) throw new Error(result.reason);
      const { page } = result;
      expect(page.source).toBe('article');
      expect(page.title).toBe(metadata.title);
      const tokenizer = await getTokenizer('gpt-4o-mini');
      const ratio = tokenizer.count(page.markdown) / tokenizer.count(reference);
      expect(ratio).toBeGreaterThan(0.9);
      expect(ratio).toBeLessThan(1.15);
      expect(wordRecall(reference, page.markdown)).toBeGreaterThanOrEqual(0.97);
      // Readability ran on a clone: the page itself is untouched.
      expect(doc.documentElement.outerHTML).toBe(before);
    },
  );

  it('keeps Chinese text whole and reports the page language', () => {
    const { doc } = fixture('gmw');
    const result = extractPage(doc);
    if (!result.ok) throw new Error(result.reason);
    expect(result.page.markdown).toMatch(/[\u4e00-\u9fff]{20,}/);
    expect(result.page.markdown).not.toMatch(/<\/?[a-z]+[^>]*>/i);
  });

  it('keeps tables as pipe rows and code as fenced blocks', () => {
    const tables = extractPage(fixture('keep-tabular-data').doc);
    if (!tables.ok) throw new Error(tables.reason);
    expect(tables.page.markdown).toContain('| General UX | UX draft | UX review |');
    expect(tables.page.markdown).toMatch(/^Load map \| +\| /m);
    const code = extractPage(fixture('v8-blog').doc);
    if (!code.ok) throw new Error(code.reason);
    expect(code.page.markdown).toMatch(/^```\n[\s\S]+?\n```$/m);
  });

  it('falls back to the whole body text where Readability finds no article', () => {
    const { doc, reference } = fixture('ol');
    const result = extractPage(doc);
    if (!result.ok) throw new Error(result.reason);
    expect(result.page.source).toBe('body');
    expect(wordRecall(reference, result.page.markdown)).toBeGreaterThanOrEqual(0.97);
  });
});

describe('extractPage: selection, empty, loading, PDF', { timeout: 30_000 }, () => {
  it('summarizes the selection when there is one, keeping its structure', () => {
    document.body.innerHTML =
      '<article><h2>Intro</h2><p>First paragraph here.</p><ul><li>One</li><li>Two</li></ul><p>Not selected.</p></article>';
    const range = document.createRange();
    range.setStartBefore(document.querySelector('h2')!);
    range.setEndAfter(document.querySelector('ul')!);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const result = extractPage(document, selection);
    if (!result.ok) throw new Error(result.reason);
    expect(result.page.source).toBe('selection');
    expect(result.page.markdown).toBe('## Intro\n\nFirst paragraph here.\n\n- One\n- Two');
    expect(result.page.hasSelection).toBe(true);
    // The whole page when the user chose it over the selection, which it still reports.
    const whole = extractPage(document, selection, true);
    if (!whole.ok) throw new Error(whole.reason);
    expect(whole.page.source).not.toBe('selection');
    expect(whole.page.markdown).toContain('Not selected.');
    expect(whole.page.hasSelection).toBe(true);
    selection.removeAllRanges();
    const none = extractPage(document, selection);
    expect(none.ok && none.page.hasSelection).toBe(false);
  });

  it('says why instead of returning nothing', () => {
    expect(extractPage(parse('<html><head><title>t</title></head><body> \n </body></html>'))).toEqual({
      ok: false,
      reason: 'empty',
    });
    const loading = parse('<p>Half a page');
    Object.defineProperty(loading, 'readyState', { value: 'loading' });
    expect(extractPage(loading)).toEqual({ ok: false, reason: 'loading' });
    expect(extractPage(parse('<body><embed type="application/pdf" src="x.pdf"></body>'))).toEqual({ ok: false, reason: 'pdf' });
  });

  it('uses the body of a short page and cuts a gigantic one, saying so', () => {
    const short = extractPage(parse('<title>Note</title><div>Just one line of text.</div>'));
    expect(short).toMatchObject({
      ok: true,
      page: { source: 'body', markdown: 'Just one line of text.', title: 'Note', truncated: false },
    });
    const huge = extractPage(parse(`<pre>${'word '.repeat(MAX_PAGE_CHARS / 4)}</pre>`));
    if (!huge.ok) throw new Error(huge.reason);
    expect(huge.page.truncated).toBe(true);
    expect(huge.page.markdown.length).toBe(MAX_PAGE_CHARS);
  });
});
