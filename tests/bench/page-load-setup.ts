import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath, EXTENSION_DIR } from '@/tests/e2e/harness';
import { sharedFixtures } from './fixtures-path';

/** One browser set-up the page-load benchmark compares. */
export interface Setup {
  name: string;
  context: BrowserContext;
  /** Origin of an extension whose isolated world should (or should not) exist in pages. */
  extensionOrigin?: string;
  close(): Promise<void>;
}

/** Articles (Readability's extracted HTML) joined until the page reaches `bytes`. */
export function articlePage(bytes = 100 * 1024): string {
  const dir = sharedFixtures('pages');
  const sources = ['lwn-1', 'dropbox-blog', 'firefox-nightly-blog', 'medium-1', 'lifehacker-working'];
  let body = '';
  for (const name of sources) {
    if (body.length >= bytes) break;
    // Only text: images, scripts and frames would load from the network and time the network.
    body += readFileSync(path.join(dir, name, 'expected.html'), 'utf8')
      .replace(/<(script|style|iframe|video|audio|object)\b[\s\S]*?<\/\1>/gi, '')
      .replace(/<(img|source|link|embed|input)\b[^>]*>/gi, '');
  }
  const head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>';
  const style = '<style>body { max-width: 42em; margin: 2em auto; font: 17px/1.6 Georgia, serif; }</style></head><body><article>';
  const html = `${head}${style}${body}</article></body></html>`;
  return html.length > bytes ? cutAtTag(html, bytes) : html;
}

function cutAtTag(html: string, bytes: number): string {
  const end = html.lastIndexOf('</p>', bytes);
  return `${html.slice(0, end > 0 ? end + 4 : bytes)}</article></body></html>`;
}

/** The reference: an extension whose only content is an empty content script, injected the way Glance's is. */
function writeEmptyExtension(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'glance-empty-ext-'));
  writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Empty content script',
      version: '1.0',
      content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['empty.js'], run_at: 'document_idle', all_frames: true }],
    }),
  );
  writeFileSync(path.join(dir, 'empty.js'), '');
  return dir;
}

/** The same flags as the others, minus loading an extension. */
const BASE_ARGS = chromiumArgs('-').filter((arg) => !arg.includes('-extension'));

async function launch(name: string, extensionDir?: string): Promise<Setup> {
  const profile = mkdtempSync(path.join(tmpdir(), `glance-bench-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreDefaultArgs: extensionDir ? ['--disable-extensions'] : undefined,
    args: extensionDir ? chromiumArgs(extensionDir) : BASE_ARGS,
  });
  let extensionOrigin: string | undefined;
  if (extensionDir) {
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 5000 }).catch(() => undefined));
    // The reference extension has no worker: its origin is only known from its pages' worlds.
    extensionOrigin = worker ? `chrome-extension://${new URL(worker.url()).host}` : 'chrome-extension://';
  }
  return {
    name,
    context,
    extensionOrigin,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Turns Glance's selection button off through its settings page, and waits until nothing is registered. */
async function turnButtonOff(setup: Setup): Promise<void> {
  const page = await setup.context.newPage();
  await page.goto(`${setup.extensionOrigin}/options.html`);
  await page.getByRole('checkbox', { name: 'Show a Translate button when I select text' }).uncheck();
  const worker = setup.context.serviceWorkers()[0]!;
  for (let i = 0; i < 100; i += 1) {
    const scripts = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    if (scripts.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await page.close();
}

/**
 * Stops the extension service workers of a set-up, as Chrome does after 30 s of idleness: a page
 * load is measured against an idle extension, not one the benchmark keeps awake (Playwright's
 * debugger would keep it alive forever).
 */
export async function stopWorkers(setup: Setup): Promise<void> {
  const page = await setup.context.newPage();
  const cdp = await setup.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await page.close();
}

/** The four set-ups: no extension, the empty reference, Glance, Glance with the button off. */
export async function launchSetups(): Promise<Setup[]> {
  const emptyDir = writeEmptyExtension();
  const setups = [
    await launch('no extension'),
    await launch('empty content script', emptyDir),
    await launch('Glance', EXTENSION_DIR),
    await launch('Glance, button off', EXTENSION_DIR),
  ];
  await turnButtonOff(setups[3]!);
  for (const setup of setups) await stopWorkers(setup);
  const close = setups[1]!.close;
  setups[1]!.close = async () => {
    await close();
    rmSync(emptyDir, { recursive: true, force: true });
  };
  return setups;
}

/** One measured load. */
export interface Load {
  loadMs: number;
  heapBytes: number;
  /** Main-thread time spent compiling and running script in the page (all worlds), in ms. */
  scriptMs: number;
  /** Extension isolated worlds in the page (content scripts that ran). */
  worlds: number;
}

/**
 * Loads the page in a fresh tab: the load event's time from navigation start, then (after the
 * idle-time content scripts have run) the renderer's JS heap after a forced garbage collection.
 */
export async function measureLoad(setup: Setup, url: string): Promise<Load> {
  const page: Page = await setup.context.newPage();
  const cdp = await setup.context.newCDPSession(page);
  const worlds: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context.origin));
  await cdp.send('Runtime.enable');
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  const loadMs = await page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
  );
  await page.waitForTimeout(500);
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((entry) => entry.name === name)!.value;
  await cdp.detach();
  await page.close();
  return {
    loadMs,
    heapBytes: metric('JSHeapUsedSize'),
    scriptMs: metric('ScriptDuration') * 1000,
    worlds: worlds.filter((origin) => origin.startsWith('chrome-extension://')).length,
  };
}
