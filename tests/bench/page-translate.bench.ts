/**
 * Page translation, measured in Chromium on 127.0.0.1 pages at a 1280×800 viewport, scrolling one
 * screen every 0.5 s from top to bottom (the 5,000-paragraph page: the first GLANCE_BENCH_SCREENS
 * screens, default 120, or all of it with GLANCE_BENCH_SCREENS=all), against the fake server
 * (a translator that answers each marked part after a first-token delay of FIRST_TOKEN_MS).
 *
 * Per page: tokens sent ÷ tokens of the source paragraphs sent (prompt overhead included),
 * requests per 100 translated paragraphs, click to first translated paragraph against the first
 * token's arrival, and main-thread long tasks (> 50 ms) while scrolling: all of the page's, and on
 * the 5,000-paragraph page, from a trace (trace-tasks.ts), those that ran Glance's code apart from
 * the page's rendering frames. GLANCE_BENCH_CLICK says when the bench presses Translate page:
 * `estimate` (default) once the popup shows the page's cost estimate, as a user reads the cost
 * before choosing to pay it; `at-once` as soon as the button shows. Needs a build (`npm run
 * bench` builds first) and the page corpus in ../shared/fixtures/pages. Prints a table and writes bench-results/page-translate.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { countPromptTokens, countTextTokens, startFakeServer } from '@/tests/fake-server';
import { configureGlance } from '@/tests/e2e/configure';
import { launchGlance } from '@/tests/e2e/harness';
import { startPageServer } from '@/tests/e2e/page-server';
import { requestParts, translator } from '@/tests/e2e/page-translate-helpers';
import { sharedFixtures } from './fixtures-path';
import { startTrace, taskFigures, type TaskFigures } from './trace-tasks';

const FIRST_TOKEN_MS = 400;
/**
 * The fake model's answer starts as a real stream does, its first 20 chunks (words) 10 ms apart, and
 * the rest follows at once (the scrolling is not held up by a model's speed). Written all in one
 * burst, an answer reaches the worker only in bulk (the network stack hands it over together, 10–40
 * ms after the first byte for a 2,400-token answer), which no real stream does.
 */
const CHUNK = { chunkIntervalMs: 10, pacedChunks: 20 };
const MODEL = 'gpt-4o-mini';
/**
 * GLANCE_BENCH_CONNECT_MS: how long a new connection to the API takes before a request goes on it
 * (default 0; the TCP and TLS handshakes with a distant API or relay take one to three round trips).
 * Each page starts with no open connection, as after the minutes between one page and the next.
 */
const CONNECT_MS = Number(process.env.GLANCE_BENCH_CONNECT_MS ?? 0);
const CLICK = process.env.GLANCE_BENCH_CLICK === 'at-once' ? 'at-once' : 'estimate';
const FIXTURE_PAGES = process.env.GLANCE_BENCH_PAGES?.split(',').filter(Boolean) ?? [
  'nytimes-4',
  'medium-3',
  'wapo-1',
  'mercurial',
  'dropbox-blog',
  'archive-of-our-own',
];

/** 5,000 paragraphs of 20 to 70 words, deterministic. */
function hugePage(): string {
  const words =
    'the harbour town changed over years with boats markets quiet streets by sea old mill hills roads people walked'.split(' ');
  const paragraphs = Array.from({ length: 5000 }, (_, i) => {
    const length = 20 + ((i * 37) % 51);
    const text = Array.from({ length }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' ');
    return `<p>Paragraph ${i}: ${text}.</p>`;
  });
  return `<!doctype html><html lang="en"><head><title>5,000 paragraphs</title></head><body>${paragraphs.join('\n')}</body></html>`;
}

interface Result {
  page: string;
  paragraphsTranslated: number;
  requests: number;
  requestsPer100: number;
  promptTokens: number;
  sourceTokens: number;
  tokenRatio: number;
  clickToFirstMs: number;
  /** Click to the request's arrival at the server. */
  clickToRequestMs: number;
  /** The server's own first-token time: the request's arrival to its answer's first chunk. */
  serverFirstTokenMs: number;
  /** Glance's own time on the way: click to first paragraph, less the server's first-token time. */
  overheadMs: number;
  /** The page's longest task from the popup's opening to the first translated paragraph (the popup reads the page then). */
  openingLongestTaskMs: number;
  longTasks: number;
  longestTaskMs: number;
  /** The 5,000-paragraph page's, traced: see TaskFigures. */
  tasks?: TaskFigures;
}

/** Records, in the page's main world, long tasks and when the first translation appeared. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scope = window as unknown as { bench: { longTasks: number[]; opening: number[]; first: number; recording: boolean } };
    scope.bench = { longTasks: [], opening: [], first: 0, recording: false };
    new PerformanceObserver((list) => {
      const into = scope.bench.recording ? scope.bench.longTasks : scope.bench.opening;
      for (const entry of list.getEntries()) into.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
    new MutationObserver(() => {
      if (!scope.bench.first && document.querySelector('[data-glance-translation]')) scope.bench.first = Date.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
}

export async function run(): Promise<void> {
  const corpus = sharedFixtures('pages');
  const screensSetting = process.env.GLANCE_BENCH_SCREENS ?? '120';
  const maxScreens = screensSetting === 'all' ? Number.POSITIVE_INFINITY : Number(screensSetting);
  const routes: Record<string, { html: string }> = { '/huge': { html: hugePage() } };
  for (const name of FIXTURE_PAGES) {
    routes[`/${name}`] = { html: readFileSync(path.join(corpus, name, 'source.html'), 'utf8') };
  }
  const server = await startFakeServer({ connectDelayMs: CONNECT_MS });
  const pages = await startPageServer(routes);
  const glance = await launchGlance();
  await (await configureGlance(glance, server, MODEL)).close();
  const results: Result[] = [];
  try {
    for (const route of [...FIXTURE_PAGES.map((name) => `/${name}`), '/huge']) {
      server.reset();
      server.closeConnections();
      server.setDefault(translator({ firstChunkDelayMs: FIRST_TOKEN_MS, ...CHUNK }));
      const page = await glance.context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${pages.url}${route}`, { waitUntil: 'domcontentloaded' });
      await instrument(page);
      const worker = await glance.worker();
      const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, `${pages.url}${route}`);
      // The popup in a window of its own, as it sits over the page: the page stays visible and renders.
      // On its chat view, where the toolbar button opens it (the summary view would read the page too).
      const opened = glance.context.waitForEvent('page');
      await worker.evaluate(
        async (url) => void (await chrome.windows.create({ url, type: 'popup', width: 400, height: 600 })),
        `chrome-extension://${glance.extensionId}/popup.html?tabId=${tabId}&view=chat`,
      );
      const popup = await opened;
      const button = popup.getByRole('button', { name: 'Translate page' });
      await button.waitFor();
      if (CLICK !== 'at-once') await popup.getByText(/^Estimate:/).waitFor();
      // The click's own time in the popup, not before Playwright's checks (a string: tsx's helpers are not in the page).
      await popup.evaluate(
        `addEventListener('click', (e) => { window.clickedAt = performance.timeOrigin + e.timeStamp; }, true)`,
      );
      await button.click();
      const clicked = (await popup.evaluate('window.clickedAt')) as number;
      await page.waitForFunction(() => (window as unknown as { bench: { first: number } }).bench.first > 0, null, {
        timeout: 30_000,
      });
      const first = await page.evaluate(() => (window as unknown as { bench: { first: number } }).bench.first);
      const firstRequest = server.requests.find((request) => request.path === '/v1/chat/completions');
      // Measured, not assumed: the server's timer can fire late on a busy machine. The first token is
      // the first chunk with text; the role chunk goes out a chunk interval before it.
      const firstText = firstRequest?.firstTextAt ?? firstRequest?.firstWriteAt;
      const serverFirstToken = firstRequest && firstText ? firstText - firstRequest.receivedAt : FIRST_TOKEN_MS;

      await page.evaluate(() => {
        (window as unknown as { bench: { recording: boolean } }).bench.recording = true;
      });
      const stopTrace = route === '/huge' ? await startTrace(await glance.context.newCDPSession(page)) : undefined;
      for (let screen = 0; screen < maxScreens; screen += 1) {
        const atEnd = await page.evaluate(() => {
          window.scrollBy(0, innerHeight);
          return innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
        });
        await page.waitForTimeout(500);
        if (atEnd) break;
      }
      const traced = stopTrace && (await stopTrace());
      if (traced && process.env.GLANCE_TRACE_OUT) writeFileSync(process.env.GLANCE_TRACE_OUT, JSON.stringify(traced));
      const tasks = traced && taskFigures(traced, glance.extensionId);
      // Let the last batches finish.
      let seen = -1;
      while (seen !== server.requests.length) {
        seen = server.requests.length;
        await page.waitForTimeout(1500);
      }
      const bench = await page.evaluate(() => ({
        ...(window as unknown as { bench: { longTasks: number[]; opening: number[] } }).bench,
        translated: document.querySelectorAll('[data-glance-translation]').length,
      }));
      const requests = server.requests.filter((request) => request.path === '/v1/chat/completions');
      let promptTokens = 0;
      let sourceTokens = 0;
      for (const request of requests) {
        const body = request.body as Record<string, unknown>;
        promptTokens += countPromptTokens(body.messages, MODEL);
        for (const part of requestParts(body)) sourceTokens += countTextTokens(part, MODEL);
      }
      results.push({
        page: route.slice(1),
        paragraphsTranslated: bench.translated,
        requests: requests.length,
        requestsPer100: bench.translated ? (requests.length / bench.translated) * 100 : 0,
        promptTokens,
        sourceTokens,
        tokenRatio: sourceTokens ? promptTokens / sourceTokens : 0,
        clickToFirstMs: first - clicked,
        clickToRequestMs: firstRequest ? firstRequest.receivedAt - clicked : 0,
        serverFirstTokenMs: serverFirstToken,
        overheadMs: first - clicked - serverFirstToken,
        openingLongestTaskMs: Math.round(Math.max(0, ...bench.opening)),
        longTasks: bench.longTasks.length,
        longestTaskMs: Math.round(Math.max(0, ...bench.longTasks)),
        tasks,
      });
      await popup.close();
      await page.close();
    }
  } finally {
    await glance.close();
    await pages.close();
    await server.close();
  }
  const round = (value: number) => Math.round(value * 100) / 100;
  console.table(
    results.map(({ tasks, ...result }) =>
      Object.fromEntries(Object.entries(result).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])),
    ),
  );
  for (const { page, tasks } of results.filter((result) => result.tasks)) {
    console.log(
      `${page}, traced while scrolling: tasks running Glance's code over 50 ms: ${tasks!.glanceLongTasks} (longest ${tasks!.glanceLongestMs} ms); ` +
        `its other tasks (rendering frames) over 50 ms: ${tasks!.otherLongTasks} (longest ${tasks!.otherLongestMs} ms)`,
    );
  }
  const sent = results.reduce((sum, result) => sum + result.promptTokens, 0);
  const source = results.reduce((sum, result) => sum + result.sourceTokens, 0);
  console.log(`all pages: tokens sent ÷ source tokens = ${round(sent / source)} (limit 1.15)`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/page-translate.json',
    `${JSON.stringify({ screens: screensSetting, click: CLICK, results }, null, 2)}\n`,
  );
}
