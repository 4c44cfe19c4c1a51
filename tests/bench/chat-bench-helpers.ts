/**
 * Pieces of the chat benchmarks: when the fake server wrote each chunk, driving the popup, and the
 * chunk latency from the server's write to the popup's DOM.
 */
import { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import type { FakeServer } from '@/tests/fake-server';
import { sseFileOf } from '@/tests/e2e/chat-helpers';
import type { Glance } from '@/tests/e2e/harness';

/** When the server wrote each answer chunk (epoch ms, sub-ms), recorded by wrapping res.write. */
export const writes: { time: number; content: string }[] = [];
const originalWrite = ServerResponse.prototype.write;
ServerResponse.prototype.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
  const time = performance.timeOrigin + performance.now();
  if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) {
    const text = chunk.toString();
    const match = /^data: (\{.*\})\n\n$/s.exec(text);
    if (match) {
      const content = (JSON.parse(match[1]!) as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta?.content;
      if (content) writes.push({ time, content });
    }
  }
  return (originalWrite as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
} as typeof ServerResponse.prototype.write;

/** Opens the popup page on a new chat. */
export async function newChat(glance: Glance): Promise<Page> {
  const page = await glance.openPage('popup.html');
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  await page.getByRole('button', { name: 'New chat' }).click();
  return page;
}

/** Sends a question and waits for the whole answer; returns the wall time in ms. */
export async function ask(page: Page, question: string, timeout: number): Promise<number> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(question);
  const started = performance.now();
  await box.press('Enter');
  await page.getByRole('button', { name: 'Stop' }).waitFor();
  // Checked twice a second: Playwright's usual waiting re-evaluates its selector on every DOM
  // change, in the page, which would be measured as the popup's own work.
  await page.waitForFunction(() => document.querySelector('.chat-composer button[type=submit]'), undefined, {
    polling: 500,
    timeout,
  });
  return performance.now() - started;
}

/** The popup's text after each chunk, as its renderer produces it (jsdom, same code). */
async function expectedStates(chunks: string[]): Promise<{ length: number; tail: string }[]> {
  // @ts-expect-error -- jsdom ships no type declarations and @types/jsdom is not a dependency; only its
  // constructor and window are used here.
  const { JSDOM } = (await import('jsdom')) as { JSDOM: new (html: string) => { window: Window & typeof globalThis } };
  const dom = new JSDOM('<!doctype html><div id="answer"></div>');
  Object.assign(globalThis, {
    window: dom.window,
    document: dom.window.document,
    Node: dom.window.Node,
    Text: dom.window.Text,
    HTMLElement: dom.window.HTMLElement,
    DocumentFragment: dom.window.DocumentFragment,
    Element: dom.window.Element,
  });
  const { IncrementalMarkdown } = await import('@/utils/markdown');
  const container = dom.window.document.getElementById('answer')!;
  const renderer = new IncrementalMarkdown(container);
  return chunks.map((chunk) => {
    renderer.append(chunk);
    const text = container.textContent ?? '';
    return { length: text.length, tail: text.slice(-24) };
  });
}

/** The p-th percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Latency from the server's write to the DOM, per chunk. */
export async function latencyRun(glance: Glance, server: FakeServer, chunks: string[], chunkIntervalMs: number) {
  const expected = await expectedStates(chunks);
  const page = await newChat(glance);
  await page.evaluate(() => {
    const seen: [number, number, string][] = [];
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    const log = document.querySelector('[role=log]')!;
    new MutationObserver(() => {
      const answers = log.querySelectorAll('article[aria-label="Assistant"] .markdown');
      const text = answers[answers.length - 1]?.textContent ?? '';
      seen.push([performance.timeOrigin + performance.now(), text.length, text.slice(-24)]);
    }).observe(log, { subtree: true, childList: true, characterData: true });
  });
  server.enqueue({ kind: 'recorded', file: sseFileOf(chunks), chunkIntervalMs });
  writes.length = 0;
  await ask(page, `Write ${chunks.length} tokens again.`, chunks.length * chunkIntervalMs * 4 + 30_000);
  const seen = (await page.evaluate(() => (window as unknown as { __seen: [number, number, string][] }).__seen)) as [
    number,
    number,
    string,
  ][];
  await page.close();
  if (writes.length !== chunks.length) throw new Error(`server wrote ${writes.length} chunks, expected ${chunks.length}`);

  // Each DOM change is the state after some chunk k (later chunks can share one render): every
  // chunk up to k is visible from then on.
  const visibleAt: number[] = new Array(chunks.length).fill(Number.NaN);
  let shown = -1;
  let matched = 0;
  for (const [time, length, tail] of seen) {
    for (let k = Math.max(shown, 0); k < expected.length; k += 1) {
      if (expected[k]!.length === length && expected[k]!.tail === tail) {
        for (let i = shown + 1; i <= k; i += 1) visibleAt[i] = time;
        if (k > shown) shown = k;
        matched += 1;
        break;
      }
    }
  }
  const latencies = visibleAt.map((time, i) => time - writes[i]!.time).filter((value) => Number.isFinite(value));
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    chunks: chunks.length,
    measured: latencies.length,
    domChanges: seen.length,
    matchedChanges: matched,
    p50Ms: round(percentile(sorted, 50)),
    p90Ms: round(percentile(sorted, 90)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1)!),
  };
}

/** Times the popup is opened for each open-time figure. */
export const OPENS = 10;

/** Navigation start → composer focused with the conversation (or the empty chat) shown, once (ms). */
export async function openOnce(glance: Glance, withConversation: boolean): Promise<number> {
  const page = await glance.context.newPage();
  // A string, not a function: tsx's compiled functions call helpers that do not exist in the page.
  await page.addInitScript(`(() => {
    const selector = ${JSON.stringify(withConversation ? '[role=log] article[aria-label="Assistant"] .markdown *' : '[role=log]')};
    const check = () => {
      const focused = document.activeElement && document.activeElement.getAttribute('aria-label') === 'Message';
      if (focused && document.querySelector(selector)) window.__ready = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })()`);
  await page.goto(`chrome-extension://${glance.extensionId}/popup.html`);
  await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready, undefined, { timeout: 30_000 });
  const time = await page.evaluate(() => (window as unknown as { __ready: number }).__ready);
  await page.close();
  return time;
}

/** Median, min and max (ms) of measured times. */
export function timeSummary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    runs: times.length,
    medianMs: Math.round(percentile(sorted, 50)),
    minMs: Math.round(sorted[0]!),
    maxMs: Math.round(sorted.at(-1)!),
  };
}

/** Median, min and max (ms) of open times, and each of them. */
export function openSummary(times: number[]) {
  return { ...timeSummary(times), times: times.map(Math.round) };
}

/** Navigation start → composer focused with the conversation (or the empty chat) shown, OPENS times. */
export async function openTimes(glance: Glance, withConversation: boolean) {
  const times: number[] = [];
  for (let i = 0; i < OPENS; i += 1) times.push(await openOnce(glance, withConversation));
  return openSummary(times);
}
