/**
 * Bundled by long-paragraph.bench.ts into a page of its own: one paragraph of a given size that
 * never ends (no blank line), streamed into the answer renderer in chunks of 20–200 characters,
 * in steps so that the bench can stop a run that takes too long. The answer is styled as the
 * popup styles a streaming answer, and laid out every LAYOUT_EVERY chunks (the popup gets a frame
 * about every two chunks at 100 chunks/s): the time counted is the renderer's and Chromium's.
 */

const LAYOUT_EVERY = 10;
const style = document.createElement('style');
style.textContent = markdownCss;
document.head.append(style);
import markdownCss from '@/components/markdown.css?inline';
import { IncrementalMarkdown } from '@/utils/markdown';
import { seededRandom } from './seeded-random';

const WORDS = (
  'the a of to and in is that for it as with on be by this are or from at an can which your will not you more ' +
  'page browser answer model token cost request stream render block text chunk window history budget summary ' +
  'extension popup server client latency memory quickly carefully usually because however therefore example'
).split(' ');

/**
 * Prose on one line: sentences of words, with (when `markup`) some bold words, inline code and
 * links, as answers have. Plain words go the renderer's in-place path; markup makes it render.
 */
function paragraph(size: number, markup: boolean, next: () => number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const words = Array.from({ length: 8 + Math.floor(next() * 14) }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    const at = Math.floor(next() * words.length);
    const kind = markup ? next() : 1;
    if (kind < 0.3) words[at] = `**${words[at]}**`;
    else if (kind < 0.5) words[at] = `\`${words[at]}()\``;
    else if (kind < 0.6) words[at] = `[${words[at]}](https://example.com/${words[at]})`;
    const text = words.join(' ');
    const sentence = `${text[0]!.toUpperCase()}${text.slice(1)}. `;
    parts.push(sentence);
    length += sentence.length;
  }
  return parts.join('').trimEnd();
}

interface Run {
  renderer: IncrementalMarkdown;
  container: HTMLElement;
  chunks: string[];
  text: string;
  done: number;
  totalMs: number;
  maxMs: number;
}
let current: Run | undefined;

/** Prepares a run: the paragraph of `size` characters (with or without markup), cut into chunks of 20–200 characters. */
function start(size: number, markup: boolean, seed: number): { chars: number; chunks: number } {
  current?.container.remove();
  const next = seededRandom(seed);
  const text = paragraph(size, markup, next);
  const chunks: string[] = [];
  for (let at = 0; at < text.length; ) {
    const length = 20 + Math.floor(next() * 181);
    chunks.push(text.slice(at, at + length));
    at += length;
  }
  const container = document.createElement('div');
  container.className = 'markdown md-streaming';
  document.body.append(container);
  current = { renderer: new IncrementalMarkdown(container), container, chunks, text, done: 0, totalMs: 0, maxMs: 0 };
  return { chars: text.length, chunks: chunks.length };
}

/** Appends chunks for about `budgetMs`; returns how far the run is, its time in `append` and layout, and its slowest chunk. */
function step(budgetMs: number): { done: number; totalMs: number; maxMs: number } {
  const run = current!;
  const until = performance.now() + budgetMs;
  while (run.done < run.chunks.length && performance.now() < until) {
    const started = performance.now();
    run.renderer.append(run.chunks[run.done]!);
    if (run.done % LAYOUT_EVERY === 0) void run.container.offsetHeight;
    const spent = performance.now() - started;
    run.totalMs += spent;
    run.maxMs = Math.max(run.maxMs, spent);
    run.done += 1;
  }
  return { done: run.done, totalMs: run.totalMs, maxMs: run.maxMs };
}

/** Whether the renderer holds the whole text and shows all of it (checked once a run is complete). */
function check(): { textKept: boolean; shownChars: number; paragraphs: number } {
  const run = current!;
  return {
    textKept: run.renderer.text === run.text,
    shownChars: run.container.textContent?.length ?? 0,
    paragraphs: run.container.querySelectorAll('p').length,
  };
}

(globalThis as unknown as { longParagraph: unknown }).longParagraph = { start, step, check };
