// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { nodeToMarkdown, rangeToMarkdown } from '@/utils/page/range-markdown';

function html(markup: string): HTMLElement {
  document.body.innerHTML = `<div id="root">${markup}</div>`;
  return document.getElementById('root')!;
}

function selectAll(element: Node): Range {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range;
}

describe('rangeToMarkdown', () => {
  it('keeps paragraphs, line breaks, headings and lists, and drops link URLs and images', () => {
    const root = html(`
      <h2>A   title</h2>
      <p>First <b>bold</b> line<br>second line with <a href="https://example.com/very/long/url">a link</a>.</p>
      <ul><li>one</li><li>two <ul><li>nested</li></ul></li></ul>
      <ol start="3"><li>three</li><li>four</li></ol>
      <img src="x.png" alt="picture"><script>alert(1)</script>
      <blockquote><p>Quoted words.</p></blockquote>`);
    expect(rangeToMarkdown(selectAll(root))).toBe(
      '## A title\n\nFirst bold line\nsecond line with a link.\n\n- one\n- two\n  - nested\n\n3. three\n4. four\n\n> Quoted words.',
    );
  });

  it('fences code blocks verbatim (they are never translated) and keeps inline code in backticks', () => {
    const root = html('<p>Run <code>npm test</code> then:</p><pre><code>if (a &lt; b) {\n  go();\n}</code></pre><p>Done.</p>');
    expect(rangeToMarkdown(selectAll(root))).toBe('Run `npm test` then:\n\n```\nif (a < b) {\n  go();\n}\n```\n\nDone.');
  });

  it('treats a selection inside one code block as all code, with a fence longer than any backticks in it', () => {
    const root = html('<pre id="pre">const s = ```;\nnext();</pre>');
    const text = root.querySelector('#pre')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 13);
    expect(rangeToMarkdown(range)).toBe('````\nconst s = ```\n````');
  });

  it('converts only the selected part of an element', () => {
    const root = html('<p id="p">Hello wonderful world</p>');
    const text = root.querySelector('#p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 6);
    range.setEnd(text, 15);
    expect(rangeToMarkdown(range)).toBe('wonderful');
  });

  it('writes table rows as lines of cells and skips hidden text', () => {
    const root = html('<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>31</td></tr></table><p hidden>secret</p><span aria-hidden="true">★</span>');
    expect(nodeToMarkdown(root)).toBe('Name | Age\nAnn | 31');
  });
});
