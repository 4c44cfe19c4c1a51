// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/utils/i18n';
import { IncrementalMarkdown, renderMarkdown } from '@/utils/markdown';

const vectors = JSON.parse(readFileSync('tests/fixtures/xss/vectors.json', 'utf8')) as { title: string; payload: string }[];

function streamed(text: string, chunk: number): HTMLElement {
  const container = document.createElement('div');
  const renderer = new IncrementalMarkdown(container);
  for (let i = 0; i < text.length; i += chunk) renderer.append(text.slice(i, i + chunk));
  return container;
}

function whole(text: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = renderMarkdown(text);
  return container;
}

/** The rendered structure, without the live wrapper, for comparing streamed and whole renders. */
function shape(element: HTMLElement): string {
  const clone = element.cloneNode(true) as HTMLElement;
  for (const live of clone.querySelectorAll('.md-live')) live.replaceWith(...live.childNodes);
  return clone.innerHTML.replace(/\s+/g, ' ').replace(/> </g, '><').trim();
}

const DOCUMENTS = {
  mixed:
    '# Title\n\nSome *text* with `code` and a [link](https://example.com).\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\n- one\n- two\n  - nested\n\n1. first\n2. second\n\n> quoted\n> more\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nEnd.',
  chinese: '## 要点\n\n**一句话总结**：浏览器扩展可以帮助你总结网页。\n\n- 第一点\n- 第二点\n\n```python\nprint("你好")\n```\n',
  setext: 'Heading\n=======\n\nParagraph one\ncontinues here.\n\n---\n\nAfter rule.',
  unclosed: 'Intro\n\n```\nnever closed\ncode line',
};

describe('code blocks', () => {
  it('get a copy button named in the interface language', () => {
    setLocale('zh-CN', { documentLang: false });
    try {
      expect(whole('```\nx\n```').querySelector('button.copy-code')?.getAttribute('aria-label')).toBe('复制代码');
    } finally {
      setLocale('en', { documentLang: false });
    }
    expect(whole('```\nx\n```').querySelector('button.copy-code')?.getAttribute('aria-label')).toBe('Copy code');
  });
});

describe('IncrementalMarkdown', () => {
  it.each(Object.entries(DOCUMENTS))('streams %s to the same result as a whole render, at any chunk size', (_name, text) => {
    const expected = shape(whole(text));
    for (const size of [1, 2, 3, 7, 16, 1000]) expect(shape(streamed(text, size)), `chunk ${size}`).toBe(expected);
  });

  it('freezes finished blocks: earlier nodes are not replaced as text arrives', () => {
    const container = document.createElement('div');
    const renderer = new IncrementalMarkdown(container);
    renderer.append('# Heading\n\nFirst paragraph.\n\nSecond');
    const heading = container.querySelector('h1');
    renderer.append(' paragraph grows and grows.');
    renderer.append('\n\nThird.');
    expect(container.querySelector('h1')).toBe(heading);
    expect(container.textContent).toContain('Second paragraph grows and grows.');
  });

  it('resets for a different text', () => {
    const container = document.createElement('div');
    const renderer = new IncrementalMarkdown(container);
    renderer.append('old answer');
    renderer.reset('**new**');
    expect(container.querySelector('strong')?.textContent).toBe('new');
    expect(container.textContent).not.toContain('old');
  });

  it('streams a 10,000-line code block in time linear in its length', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `line ${i}: const value${i} = compute(${i});\n`);
    const started = performance.now();
    const container = document.createElement('div');
    const renderer = new IncrementalMarkdown(container);
    renderer.append('```ts\n');
    for (const line of lines) renderer.append(line);
    renderer.append('```\n\nDone.');
    const elapsed = performance.now() - started;
    expect(container.querySelector('code')!.textContent).toBe(lines.join('').replace(/\n$/, ''));
    expect(container.querySelectorAll('pre')).toHaveLength(1);
    // Re-rendering the block per line would take tens of seconds here.
    expect(elapsed).toBeLessThan(3000);
  });
});

describe('sanitizing model output', () => {
  it('shows raw HTML as text', () => {
    const html = whole('Hello <b onclick="alert(1)">bold</b> <script>alert(1)</script>');
    expect(html.querySelector('b, script')).toBeNull();
    expect(html.textContent).toContain('<script>alert(1)</script>');
  });

  it('opens links in a new tab without an opener, and drops script URLs', () => {
    const html = whole(
      '[ok](https://example.com) [mail](mailto:a@b.c) [bad](javascript:alert(1)) [data](data:text/html,<script>1</script>)',
    );
    const links = [...html.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com', 'mailto:a@b.c', null, null]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('turns images into links instead of loading them', () => {
    const html = whole('![a tracking pixel](https://tracker.example/p.gif)');
    expect(html.querySelector('img')).toBeNull();
    expect(html.querySelector('a')?.getAttribute('href')).toBe('https://tracker.example/p.gif');
  });

  it.each(vectors.map((v, i) => [i, v.title, v.payload]))('vector %i (%s) renders inert', (_i, _title, payload) => {
    for (const container of [whole(payload as string), streamed(payload as string, 5), whole(`\`\`\`\n${payload}\n\`\`\``)]) {
      assertInert(container);
    }
  });
});

const DANGEROUS_ELEMENTS =
  'script, iframe, frame, object, embed, style, link, meta, base, img, image, svg, math, form, video, audio, source, template, textarea, select, option';

function assertInert(container: HTMLElement) {
  expect(container.querySelector(DANGEROUS_ELEMENTS)).toBeNull();
  for (const element of container.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name.startsWith('on'), `${element.tagName} ${attribute.name}`).toBe(false);
      expect(['style', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'background', 'poster']).not.toContain(
        attribute.name,
      );
      if (attribute.name === 'href') expect(attribute.value).toMatch(/^(https?:|mailto:)/i);
    }
    if (element.tagName === 'INPUT') expect(element.getAttribute('type')).toBe('checkbox');
  }
}
