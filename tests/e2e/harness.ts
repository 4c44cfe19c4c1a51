import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** The Chrome build `npm run build` writes. */
export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

export interface Glance {
  context: BrowserContext;
  extensionId: string;
  /** The background service worker (its console and `evaluate`). */
  worker(): Promise<Worker>;
  /** Opens an extension page (`options.html`, `popup.html?tabId=3`...) in a new tab. */
  openPage(pathAndQuery: string): Promise<Page>;
  close(): Promise<void>;
}

/** Finds Chromium: CHROME_PATH, or Debian's package. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!found) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROME_PATH.');
  return found;
}

/** Flags for headless Chromium with only our extension, and no traffic of its own. */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--lang=en-US',
  ];
}

/** Options of `launchGlance`. */
export interface LaunchOptions {
  /** Keep the welcome tab a fresh install opens (the first-run test drives it). */
  keepWelcome?: boolean;
  /** More Chromium flags, e.g. a fake microphone: `fakeMicrophoneArgs(wav)`. */
  extraArgs?: string[];
  /** Another build of the extension (a benchmark compares two); default: EXTENSION_DIR. */
  extensionDir?: string;
}

/** Flags for a fake microphone that plays `wav` (looped) and a permission prompt that always allows. */
export function fakeMicrophoneArgs(wav: string): string[] {
  return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-audio-capture=${wav}`];
}

/** How long a fresh install takes to open its welcome tab, at most. */
const WELCOME_TIMEOUT_MS = 15_000;

/**
 * The welcome tab a fresh install opens (background, runtime.onInstalled). Polled rather than
 * awaited as an event: the tab may open before anyone listens, and starts at about:blank.
 */
export async function findWelcomePage(context: BrowserContext, extensionId: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + WELCOME_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const page = context.pages().find((candidate) => candidate.url().startsWith(url));
    if (page) return page;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`A fresh install opened no ${url} within ${WELCOME_TIMEOUT_MS} ms`);
}

/**
 * Launches headless Chromium with the built extension loaded, in a fresh profile. The welcome tab
 * the install opens is closed before this returns (so no test meets a stray tab), unless
 * `keepWelcome` is set (the first-run test drives it).
 */
export async function launchGlance(options: LaunchOptions = {}): Promise<Glance> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No build at ${extensionDir}: run "npm run build" first.`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'glance-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    locale: 'en-US',
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...chromiumArgs(extensionDir), ...(options.extraArgs ?? [])],
  });
  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(firstWorker.url()).host;
  if (!options.keepWelcome) await (await findWelcomePage(context, extensionId)).close();

  return {
    context,
    extensionId,
    async worker() {
      // The worker may have been stopped and restarted since launch: find the live one.
      const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      return live ?? (await context.waitForEvent('serviceworker'));
    },
    async openPage(pathAndQuery) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pathAndQuery}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The id of the tab showing `url` (as the popup's and the side panel's `?tabId=` take it). */
export async function tabIdOf(glance: Glance, url: string): Promise<number> {
  const worker = await glance.worker();
  return worker.evaluate(async (address) => (await chrome.tabs.query({ url: address }))[0]!.id!, url);
}
