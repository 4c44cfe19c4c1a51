/**
 * `npm start`: builds Glance for development and opens Chromium with it loaded, on its settings
 * page, in a profile kept under .output/ so settings survive restarts. With OPENAI_API_KEY (and
 * optionally OPENAI_BASE_URL, OPENAI_MODEL) set, the build starts already configured.
 */
import { execSync } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '@/tests/e2e/harness';

const extensionDir = path.resolve('.output/chrome-mv3-dev');
const profileDir = path.resolve('.output/chromium-profile');

execSync('npx wxt build --mode development', { stdio: 'inherit' });

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display found. Run under a desktop session, or: xvfb-run npm start');
  process.exit(1);
}

const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: chromiumPath(),
  headless: false,
  viewport: null,
  ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
  args: [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // Chromium refuses to start its sandbox as root (containers, CI machines).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`chrome-extension://${extensionId}/options.html`);
console.log(`Glance is loaded (extension id ${extensionId}). Close the browser window to stop.`);
await new Promise((resolve) => context.on('close', resolve));
