import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { FakeServer } from '@/tests/fake-server';
import { closeAll, startConfiguredGlance } from './configure';
import { EXTENSION_DIR, tabIdOf, type Glance } from './harness';
import { startPageServer, type PageServer } from './page-server';
import { watchWorker } from './worker-control';

/**
 * Chrome's service worker starts with background.js alone; each feature's code is a chunk it loads
 * the first time it is used. A worker the browser stopped and started again may import only what it
 * imported while installing: these tests use the features' chunks in such a worker.
 */

let server: FakeServer;
let pages: PageServer;
let glance: Glance;

const ARTICLE = `<!doctype html><html lang="en"><head><title>Harbour seals</title></head><body><article>
<h1>Harbour seals</h1>
<p>Harbour seals rest on sandbanks at low tide and hunt fish in the channels when the water returns.</p>
<p>Counts along the coast have doubled in twenty years, after hunting them was banned.</p>
</article></body></html>`;

beforeAll(async () => {
  ({ server, glance } = await startConfiguredGlance());
  pages = await startPageServer({ '/seals.html': { html: ARTICLE } });
});
afterAll(() => closeAll(glance, pages, server));
beforeEach(() => server.reset());

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });

/** Stops the worker as the browser does when idle, and waits until the browser reports it stopped. */
async function stopWorker(): Promise<void> {
  // A blank page: one of Glance's own would wake the worker again.
  const page = await glance.context.newPage();
  const worker = await watchWorker(glance, page);
  await worker.stop();
  expect(worker.isStopped()).toBe(true);
  await page.close();
}

it('summarizes a page, estimate first, in a worker started again after the browser stopped it', async () => {
  const page = await glance.context.newPage();
  await page.goto(`${pages.url}/seals.html`);
  const tabId = await tabIdOf(glance, `${pages.url}/seals.html`);
  await stopWorker();

  server.enqueue({ kind: 'text', text: '**TL;DR:** Seal numbers doubled after the ban.', chunkIntervalMs: 5 });
  const popup = await glance.openPage(`popup.html?tabId=${tabId}`);
  // The estimate needs the page reader's and the tokenizer's chunks; the summary, the summarizer's.
  await eventually(() => popup.locator('main').textContent()).toMatch(/Estimated: \d+ tokens in, \d+ out/);
  await popup.getByRole('button', { name: 'Summarize page' }).click();
  await eventually(() => popup.getByRole('region', { name: 'Summary' }).textContent()).toContain('Seal numbers doubled');
  await popup.close();
  await page.close();

  // The usage page's totals are a chunk too: the call is there, with its cost.
  await stopWorker();
  const usage = await glance.openPage('options.html#usage');
  const rows = usage.getByRole('table', { name: 'Recent calls' }).locator('tbody tr');
  await eventually(() => rows.count()).toBe(1);
  expect((await rows.first().locator('td').allTextContents())[1]).toBe('Summarize');
  await usage.close();
});

it('loads every chunk of the build in a restarted worker', async () => {
  const chunks = readdirSync(path.join(EXTENSION_DIR, 'background-chunks')).map((name) => `background-chunks/${name}`);
  expect(chunks.length).toBeGreaterThan(5);
  await stopWorker();
  const page = await glance.openPage('welcome.html');
  await eventually(() => glance.context.serviceWorkers().length).toBe(1);
  const worker = await glance.worker();
  // A string: the loader is the worker's own global.
  const failed = await worker.evaluate(`(() => {
    const failed = [];
    for (const chunk of ${JSON.stringify(chunks)}) {
      try { globalThis.__glanceChunks.load(chunk); } catch (error) { failed.push(chunk + ': ' + error); }
    }
    return failed;
  })()`);
  expect(failed).toEqual([]);
  await page.close();
});
