/**
 * `npm run bench -- first-answer`: how long Glance itself stands between the user and the API, in
 * real Chromium against the fake server.
 *
 * - Enter in the popup's composer → the chat request arriving at the server, 10 times with the
 *   service worker stopped first (as the browser does after 30 s idle) and 10 times with it
 *   running. The start is the key event's own timestamp in the popup (not Playwright's call), the
 *   end the server's clock when the request arrived; both are the machine's wall clock.
 * - The background bundle's size, raw and gzip.
 *
 * - Opening the popup (navigation → composer focused, conversation shown) on a conversation whose
 *   answer is 4,000 tokens long, as `npm run bench -- chat-render` also reports.
 * Prints a table and writes bench-results/first-answer.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { answerOf } from './chat-answer-text';
import { ask, OPENS, openTimes, timeSummary } from './chat-bench-helpers';
import { sseFileOf } from '@/tests/e2e/chat-helpers';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { configureGlance } from '@/tests/e2e/configure';
import { launchGlance } from '@/tests/e2e/harness';
import { watchWorker } from '@/tests/e2e/worker-control';

const RUNS = 10;
const BACKGROUND = '.output/chrome-mv3/background.js';

/**
 * Types a question, presses Enter and returns ms from the key event to the request at the server;
 * `beforeEnter` runs between the typing and the key.
 */
async function sendOnce(page: Page, server: FakeServer, question: string, beforeEnter = () => {}): Promise<number> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await page.getByRole('button', { name: 'Send' }).waitFor();
  await box.fill(question);
  beforeEnter();
  // A string, not a function: tsx's compiled functions call helpers that do not exist in the page.
  await page.evaluate(`(() => {
    const record = (event) => {
      if (event.key !== 'Enter') return;
      window.pressedAt = performance.timeOrigin + event.timeStamp;
      removeEventListener('keydown', record, true);
    };
    addEventListener('keydown', record, true);
  })()`);
  const before = server.requests.length;
  await box.press('Enter');
  const [request] = await server
    .waitForRequests(before + 1, 30_000, (candidate) => candidate.path === '/v1/chat/completions')
    .then((requests) => requests.slice(-1));
  const pressedAt = await page.evaluate(() => (window as unknown as { pressedAt: number }).pressedAt);
  // Wait for the answer to end, so the next question starts from an idle popup.
  await page.getByRole('button', { name: 'Send' }).waitFor({ timeout: 30_000 });
  return request!.receivedAt - pressedAt;
}

export async function run(): Promise<void> {
  const bytes = readFileSync(BACKGROUND);
  const size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  const server = await startFakeServer();
  const glance = await launchGlance();
  try {
    await (await configureGlance(glance, server)).close();
    const page = await glance.openPage('popup.html');
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    // One answer first, so the conversation exists and nothing measured is a first-ever setup.
    await sendOnce(page, server, 'Warm up.');

    // Only runs where the worker was still stopped when Enter was pressed count as cold; the others
    // (something woke it during the pause or the typing) are counted apart.
    const worker = await watchWorker(glance, page);
    const cold: number[] = [];
    let wokenBeforeEnter = 0;
    for (let attempt = 0; cold.length < RUNS && attempt < RUNS * 3; attempt += 1) {
      await page.getByRole('button', { name: 'New chat' }).click();
      await worker.stop();
      await page.waitForTimeout(300);
      let stopped = false;
      const time = await sendOnce(page, server, `Cold question ${attempt + 1}: what is a service worker?`, () => {
        stopped = worker.isStopped();
      });
      if (stopped) cold.push(time);
      else wokenBeforeEnter += 1;
    }
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      warm.push(await sendOnce(page, server, `Warm question ${i + 1}: and a content script?`));
    }

    // The current conversation gets a 4,000-token answer: the heavy case for opening the popup.
    const long = await answerOf(4_000);
    server.enqueue({ kind: 'recorded', file: sseFileOf(long.chunks), chunkIntervalMs: 0 });
    await ask(page, 'A long answer, please.', 60_000);
    await page.close();
    const open = await openTimes(glance, true);

    const result = {
      cold: timeSummary(cold),
      warm: timeSummary(warm),
      coldRuns: cold,
      wokenBeforeEnter,
      warmRuns: warm,
      open,
      background: size,
    };
    console.log(`Enter → chat request at the server (${RUNS} runs each):`);
    console.log(
      `  worker stopped first: median ${result.cold.medianMs} ms (min ${result.cold.minMs}, max ${result.cold.maxMs}); ${wokenBeforeEnter} runs left out, the worker woken before Enter`,
    );
    console.log(`  worker running:       median ${result.warm.medianMs} ms (min ${result.warm.minMs}, max ${result.warm.maxMs})`);
    console.log(
      `Popup open → composer focused with a 4,000-token answer shown (${OPENS} runs): median ${open.medianMs} ms, max ${open.maxMs} ms`,
    );
    console.log(`background.js: ${(size.raw / 1000).toFixed(1)} KB raw, ${(size.gzip / 1000).toFixed(1)} KB gzip`);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(
      'bench-results/first-answer.json',
      JSON.stringify({ machine: { cpus: os.cpus().length, platform: os.platform() }, ...result }, null, 2),
    );
  } finally {
    await glance.close();
    await server.close();
  }
}
