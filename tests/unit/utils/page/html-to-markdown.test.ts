// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '@/utils/page/html-to-markdown';

function md(html: string, options = {}): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return htmlToMarkdown(doc.body, options);
}

describe('htmlToMarkdown', () => {
  it('keeps headings, paragraphs, quotes and line breaks', () => {
    expect(
      md(
        '<h1>Title</h1><p>One   two\nthree</p><h3>Sub <em>part</em></h3><blockquote><p>Quoted</p><p>Twice</p></blockquote><p>a<br>b</p>',
      ),
    ).toBe('# Title\n\nOne two three\n\n### Sub part\n\n> Quoted\n> \n> Twice\n\na\nb');
  });

  it('keeps link text but drops URLs, images and emphasis markers (tokens a summary does not need)', () => {
    expect(
      md(
        '<p>See <a href="https://example.com/a/very/long/path?q=1">the docs</a> <img src="x.png" alt="diagram"> for <strong>more</strong>.</p>',
      ),
    ).toBe('See the docs for more.');
  });

  it('writes lists, nested and ordered, tightly', () => {
    expect(
      md(
        '<ul><li>One<ul><li>One.a</li></ul></li><li><p>Two</p><p>Two again</p></li></ul><ol start="3"><li>Three</li><li>Four</li></ol>',
      ),
    ).toBe('- One\n  - One.a\n- Two\n  Two again\n\n3. Three\n4. Four');
  });

  it('keeps data tables as pipe rows and unrolls layout tables', () => {
    expect(md('<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann | Bo</td><td>3</td></tr></table>')).toBe(
      'Name | Age\n--- | ---\nAnn \\| Bo | 3',
    );
    expect(md('<table><tr><td><p>Column one.</p><p>More.</p></td><td><p>Column two.</p></td></tr></table>')).toBe(
      'Column one.\n\nMore.\n\nColumn two.',
    );
  });

  it('fences code blocks (keeping their whitespace) and backticks inline code', () => {
    expect(md('<p>Call <code>run()</code> then:</p><pre><code>if (x) {\n  go();\n}\n</code></pre>')).toBe(
      'Call `run()` then:\n\n```\nif (x) {\n  go();\n}\n```',
    );
    expect(md('<pre>a ``` b</pre>')).toBe('~~~\na ``` b\n~~~');
  });

  it('leaves out scripts, styles, forms and media, and hidden elements when asked', () => {
    const html =
      '<p>Text</p><script>evil()</script><style>p{}</style><button>Click</button><svg><text>svg</text></svg><div hidden>secret</div><p aria-hidden="true">icon</p>';
    expect(md(html, { skipHidden: true })).toBe('Text');
    expect(md(html)).toBe('Text\n\nsecret\n\nicon');
  });
});

describe('htmlToMarkdown for a translation', () => {
  const forTranslation = { forTranslation: true, skipHidden: true };

  it('writes table rows as lines of cells (no header rule) and skips hidden text', () => {
    expect(
      md(
        '<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>31</td></tr></table><p hidden>secret</p><span aria-hidden="true">★</span>',
        forTranslation,
      ),
    ).toBe('Name | Age\nAnn | 31');
  });

  it("keeps rules, blank lines in list items, and the page's own spaces", () => {
    expect(md('<p>a</p><hr><ul><li><p>One</p><p>More</p></li></ul><p>x <img src="i.png"> y</p>', forTranslation)).toBe(
      'a\n\n---\n\n- One\n\n  More\n\nx  y',
    );
  });
});
