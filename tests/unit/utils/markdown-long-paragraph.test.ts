// @vitest-environment jsdom
import { Lexer } from 'marked';
import { describe, expect, it, vi } from 'vitest';
import { IncrementalMarkdown, PART_CLASS, renderMarkdown } from '@/utils/markdown';
import { SPLIT_LIMIT } from '@/utils/markdown-split';

/**
 * The rendered structure, without the live wrapper and the frozen parts' spans (inline once the
 * answer ends), for comparing streamed and whole renders.
 */
function shape(element: HTMLElement): string {
  const clone = element.cloneNode(true) as HTMLElement;
  for (const wrapper of clone.querySelectorAll(`.md-live, .${PART_CLASS}`)) wrapper.replaceWith(...wrapper.childNodes);
  clone.normalize();
  return clone.innerHTML.replace(/\s+/g, ' ').replace(/> </g, '><').trim();
}

function whole(text: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = renderMarkdown(text);
  return container;
}

/** Chunks of 20–200 characters, the same every run. */
function chunksOf(text: string, seed = 3): string[] {
  const chunks: string[] = [];
  for (let at = 0, state = seed; at < text.length; ) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const length = 20 + (state % 181);
    chunks.push(text.slice(at, at + length));
    at += length;
  }
  return chunks;
}

const WORDS = 'the answer model stream text browser page token window because however example value'.split(' ');

/** One line of sentences of about `size` characters, some with bold, code, links, entities. */
function paragraph(size: number, kinds = ['**b**', '`c()`', '[l](https://example.com/l)', 'a &amp; b', 'x*y', '']): string {
  let text = '';
  for (let i = 0; text.length < size; i += 1) {
    const words = Array.from({ length: 6 + (i % 9) }, (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length]!);
    words[i % words.length] = kinds[i % kinds.length] || words[i % words.length]!;
    text += `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}${i % 5 === 4 ? '!' : '.'} `;
  }
  return text.trimEnd();
}

/** A small limit keeps these tests quick in jsdom; the bounded-work test uses the real one. */
const LIMIT = 1_500;

function streamed(chunks: string[]): { container: HTMLElement; renderer: IncrementalMarkdown } {
  const container = document.createElement('div');
  const renderer = new IncrementalMarkdown(container, { splitLimit: LIMIT });
  for (const chunk of chunks) renderer.append(chunk);
  return { container, renderer };
}

describe('IncrementalMarkdown with a paragraph that never ends', () => {
  it('re-parses a bounded amount of text per chunk however long the paragraph grows', { timeout: 60_000 }, () => {
    const text = paragraph(4 * SPLIT_LIMIT);
    const lexed: number[] = [];
    const lex = vi.spyOn(Lexer.prototype, 'lex');
    const container = document.createElement('div');
    const renderer = new IncrementalMarkdown(container);
    for (const chunk of chunksOf(text)) {
      lex.mockClear();
      renderer.append(chunk);
      lexed.push(lex.mock.calls.reduce((sum, [source]) => sum + source.length, 0));
    }
    // A chunk lexes at most the open part, the start it freezes and the rest: three times the limit.
    expect(Math.max(...lexed)).toBeLessThanOrEqual(3 * (SPLIT_LIMIT + 200));
    // The second half of the paragraph costs what the first did: linear, not quadratic.
    const half = (list: number[]) => list.reduce((a, b) => a + b, 0);
    const first = half(lexed.slice(0, lexed.length / 2));
    expect(half(lexed.slice(lexed.length / 2))).toBeLessThan(first * 1.5);
    expect(renderer.text).toBe(text);
  });

  it.each([
    ['markup', paragraph(8 * LIMIT)],
    ['plain words', paragraph(8 * LIMIT, [''])],
    ['Chinese', '浏览器扩展可以帮助你总结网页，并且**翻译**选中的文字。'.repeat(200)],
    ['paragraphs around it', `# Title\n\nIntro.\n\n${paragraph(4 * LIMIT)}\n\n- item\n\n${paragraph(3 * LIMIT)}\nnext line`],
    ['soft line breaks', `${paragraph(3 * LIMIT)}\n${paragraph(3 * LIMIT, [''])}\n${paragraph(2 * LIMIT)}`],
  ])('streams %s to exactly the whole render, one <p> for one paragraph', { timeout: 30_000 }, (_name, text) => {
    const expected = shape(whole(text));
    for (const seed of [3, 8]) {
      const { container, renderer } = streamed(chunksOf(text, seed));
      expect(shape(container) === expected, `seed ${seed}`).toBe(true);
      expect(renderer.text === text).toBe(true);
    }
    const { container } = streamed([text]);
    expect(shape(container) === expected, 'at once').toBe(true);
  });

  it('holds the frozen start in parts of at most the limit, in order, the rest after them', () => {
    const text = paragraph(12 * LIMIT, ['']);
    const { container } = streamed(chunksOf(text));
    const p = container.querySelector('p')!;
    const parts = [...p.children].filter((child) => child.classList.contains(PART_CLASS));
    expect(parts.length).toBeGreaterThanOrEqual(8);
    // A cut is made once the open part passes the limit, by at most a chunk (200 characters).
    for (const part of parts) expect(part.textContent!.length).toBeLessThanOrEqual(LIMIT + 200);
    // No part inside another: each is a box of its own for the browser's layout.
    expect(p.querySelector(`.${PART_CLASS} .${PART_CLASS}`)).toBeNull();
    expect(p.textContent === text).toBe(true);
    expect(parts.at(-1)!.nextSibling).not.toBeNull();
  });

  it('keeps a construct open until it closes when that is within half the limit', () => {
    const text = `${paragraph(3 * LIMIT)} and **bold that spans ${paragraph(LIMIT / 3, [''])} to here** end.`;
    const { container } = streamed(chunksOf(text));
    const longest = Math.max(...[...container.querySelectorAll('strong')].map((strong) => strong.textContent!.length));
    expect(longest).toBeGreaterThan(LIMIT / 3);
    expect(shape(container) === shape(whole(text))).toBe(true);
  });

  it('shows the markers of a construct open for over half the limit as characters (the cut is forced)', () => {
    const text = `Start **bold that never closes soon ${paragraph(4 * LIMIT, [''])} closes here** end.`;
    const { container, renderer } = streamed(chunksOf(text));
    expect(renderer.text === text).toBe(true);
    expect(container.querySelector('strong')).toBeNull();
    expect(container.querySelectorAll('p')).toHaveLength(1);
    expect(container.querySelector('p')!.textContent === text).toBe(true);
    // A whole render makes all that bold.
    expect(whole(text).querySelector('strong')?.textContent?.length).toBeGreaterThan(4 * LIMIT);
  });

  it('keeps the frozen start as a paragraph when a setext underline turns the rest into a heading', () => {
    const long = paragraph(4 * LIMIT, ['']);
    const text = `${long}\n---\n\nAfter.`;
    const { container } = streamed(chunksOf(text));
    const [p, h2] = [container.querySelector('p')!, container.querySelector('h2')!];
    expect(p.compareDocumentPosition(h2) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(`${p.textContent}${h2.textContent}` === long).toBe(true);
    expect(whole(text).querySelector('h2')?.textContent === long).toBe(true);
  });
});
