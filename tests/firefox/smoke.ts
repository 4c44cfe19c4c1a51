/**
 * `npm run test:firefox`: Glance's Firefox build in a real, headless Firefox (ESR 140 or newer;
 * `FIREFOX_PATH`, else /usr/bin/firefox-esr or /usr/bin/firefox), against the fake server. One
 * pass through what a person does first: settings and Test connection, a chat answer with its
 * cost, the Usage table, a page summary, a question in the sidebar's page, and a selection translated
 * from the in-page button.
 * Not part of `npm test` (CI installs Chromium only); run it after changing anything that
 * differs between the browsers (permissions, storage, the background page).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { startFakeServer } from '@/tests/fake-server';
import { startPageServer } from '@/tests/e2e/page-server';
import { launchFirefox, type Firefox } from './marionette';

const ADDON_ID = 'glance@glance-extension.org';
const UUID = '6c1a4a5e-0b7e-4a53-9d3f-2f0c8d1e7a10';
const BASE = `moz-extension://${UUID}`;
const BUILD = '.output/firefox-mv2';

const ARTICLE = `<!doctype html><html lang="en"><head><title>How otters use tools</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>How otters use tools</h1>
<p>Sea otters are among the few marine mammals known to use tools. Floating on their backs, they balance a flat stone on their chests and crack open clams against it.</p>
<h2>Why it matters</h2><p>Tool use lets otters eat hard-shelled prey, which keeps urchin populations in check and protects kelp forests.</p>
<p id="select-me">Otters hold hands while they sleep.</p></article></body></html>`;

const binary = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(
  (candidate) => candidate && existsSync(candidate),
);
if (!binary) {
  console.error('No Firefox found: set FIREFOX_PATH, or install one (Debian: apt-get install firefox-esr).');
  process.exit(1);
}

/** Sets a form field by its accessible name the way typing does (Preact listens to input events). */
const SET_FIELD = `const [name, value] = arguments;
  const field = [...document.querySelectorAll('input, textarea, select')].find((element) =>
    element.getAttribute('aria-label') === name || [...(element.labels || [])].some((label) => label.textContent.trim() === name));
  if (!field) throw new Error('no field named ' + name);
  const prototype = Object.getPrototypeOf(field);
  Object.getOwnPropertyDescriptor(prototype, 'value').set.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));`;
const CLICK = `const name = arguments[0];
  const button = [...document.querySelectorAll('button')].find((element) => (element.getAttribute('aria-label') || element.textContent).trim() === name);
  if (!button) throw new Error('no button named ' + name);
  button.click();`;
const STATUS = `return [...document.querySelectorAll('[role=status], [role=alert]')].map((element) => element.textContent).join(' | ')`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const server = await startFakeServer();
const pages = await startPageServer({ '/article.html': { html: ARTICLE } });
let firefox: Firefox | undefined;
const step = (text: string) => console.log(`  ✓ ${text}`);
try {
  firefox = await launchFirefox({
    binary,
    port: await freePort(),
    prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }), 'intl.accept_languages': 'en-US' },
  });
  console.log(execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim());
  await firefox.send('Addon:Install', { path: `${process.cwd()}/${BUILD}`, temporary: true });
  step('installs as a temporary add-on');

  await firefox.openTab(`${BASE}/options.html`);
  await firefox.until(`return !!document.querySelector('select')`);
  await firefox.run(SET_FIELD, ['Provider', 'custom']);
  await firefox.run(SET_FIELD, ['Base URL', server.baseURL]);
  await firefox.run(SET_FIELD, ['API key', server.apiKey]);
  await firefox.run(SET_FIELD, ['Model', 'gpt-4o-mini']);
  await firefox.run(CLICK, ['Save']);
  assert.match(
    await firefox.until<string>(`const s = (() => { ${STATUS} })(); return /Saved|not|fail/i.test(s) && s`),
    /^Saved\.$/,
  );
  await firefox.run(CLICK, ['Test connection']);
  assert.match(
    await firefox.until<string>(`const s = (() => { ${STATUS} })(); return /Connected|not|fail|wrong/i.test(s) && s`),
    /^Connected and saved\. gpt-4o-mini answered in \d+ ms/,
  );
  step('saves the settings and passes Test connection');

  server.enqueue({ kind: 'text', text: 'Otters use **stones** as tools.' });
  await firefox.openTab(`${BASE}/popup.html`);
  await firefox.until(`return document.activeElement && document.activeElement.getAttribute('aria-label') === 'Message'`);
  await firefox.run(SET_FIELD, ['Message', 'Do otters use tools?']);
  await firefox.run(CLICK, ['Send']);
  const answer = await firefox.until<string>(`const a = document.querySelector('[role=log] article[aria-label="Assistant"]');
    return a && a.querySelector('.usage-footer') && a.querySelector('strong') && a.textContent`);
  assert.match(answer, /Otters use stones as tools\..*\d+ tokens in · \d+ out · \$0\.0000\d+/s);
  step('streams a chat answer as Markdown, with its tokens and cost');

  await firefox.openTab(`${BASE}/options.html#usage`);
  const rows = await firefox.until<
    string[]
  >(`const rows = [...document.querySelectorAll('table[aria-label="Recent calls"] tbody tr, [aria-label="Recent calls"] tbody tr')].map((row) => row.textContent);
    return rows.length >= 2 && rows`);
  assert.match(rows[0]!, /Chat.*gpt-4o-mini/);
  assert.match(rows[1]!, /Test connection/);
  step('lists both calls under Recent calls');

  await firefox.openTab(`${pages.url}/article.html`);
  await firefox.openTab(`${BASE}/options.html`);
  const tabs = await firefox.send<{ value: [number, string | undefined][] }>('WebDriver:ExecuteAsyncScript', {
    script: `const done = arguments[arguments.length - 1];
      browser.tabs.query({}).then((tabs) => done(tabs.map((tab) => [tab.id, tab.url])), (error) => done(String(error)));`,
  });
  const articleTab = tabs.value.find(([, url]) => url?.startsWith(pages.url))?.[0];
  assert.ok(articleTab, 'the article tab is found');
  server.enqueue({ kind: 'text', text: '**TL;DR:** Otters crack shellfish with stones.\n\n- They protect kelp forests.' });
  await firefox.openTab(`${BASE}/popup.html?tabId=${articleTab}`);
  assert.match(
    await firefox.until<string>(
      `const m = document.querySelector('main').textContent; return /Article · \\d+ tokens/.test(m) && m`,
    ),
    /Estimated: \d+ tokens in/,
  );
  await firefox.run(CLICK, ['Summarize page']);
  const summary = await firefox.until<string>(
    `const r = document.querySelector('[role=region][aria-label="Summary"]'); return r && /kelp forests/.test(r.textContent) && r.textContent`,
  );
  assert.match(summary, /Otters crack shellfish with stones/);
  const summaryRequest = JSON.stringify(server.requests.at(-1)?.body);
  assert.match(summaryRequest, /Sea otters are among the few marine mammals/);
  assert.doesNotMatch(summaryRequest, /Home/);
  step('reads the article in the page and streams its summary');

  // The sidebar's page, bound to the article's tab, as the sidebar shows it (sidebarAction.open
  // needs a person's click on the browser's own UI, which Marionette cannot give).
  server.enqueue({ kind: 'text', text: 'They crack clams open against a flat stone [2].' });
  await firefox.openTab(`${BASE}/sidepanel.html?tabId=${articleTab}`);
  await firefox.until(`return document.activeElement && document.activeElement.getAttribute('aria-label') === 'Message'`);
  assert.match(
    await firefox.until<string>(`const s = (() => { ${STATUS} })(); return /otters/i.test(s) && s`),
    /How otters use tools/,
  );
  await firefox.run(SET_FIELD, ['Message', 'How do otters open clams?']);
  await firefox.until(`return /Will use \\d+ of \\d+ passages/.test(document.body.textContent)`);
  await firefox.run(CLICK, ['Send']);
  await firefox.until(`return !!document.querySelector('[role=log] button[aria-label="Citation 2"]')`);
  assert.match(JSON.stringify(server.requests.at(-1)?.body), /\[2\] /);
  step('the sidebar page asks about the tab and shows a citation of the page');

  server.enqueue({ kind: 'text', text: '水獭睡觉时手牵着手。' });
  await firefox.switchTo(`${pages.url}/article.html`);
  await firefox.run(`const range = document.createRange(); range.selectNodeContents(document.getElementById('select-me'));
    getSelection().removeAllRanges(); getSelection().addRange(range);`);
  const spot = await firefox.until<{
    x: number;
    y: number;
  }>(`const host = [...document.documentElement.children].find((e) => e.localName === 'div' && e.style.zIndex === '2147483647');
    if (!host || getComputedStyle(host).display === 'none') return false;
    const box = host.getBoundingClientRect(); return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };`);
  // The button lives in a closed shadow root: click where it is, as a person does.
  await firefox.send('WebDriver:PerformActions', {
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: spot.x, y: spot.y, origin: 'viewport' },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
  const deadline = Date.now() + 20_000;
  while (!JSON.stringify(server.requests.at(-1)?.body ?? '').includes('Otters hold hands while they sleep.')) {
    if (Date.now() > deadline) throw new Error('no translation request carried the selection');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  step('shows the Translate button by a selection; its card asks for that text');
  assert.deepEqual(server.validationErrors, []);
  console.log('Firefox smoke test passed.');
} catch (error) {
  console.error('Firefox smoke test FAILED:', error);
  process.exitCode = 1;
} finally {
  await firefox?.close();
  await pages.close();
  await server.close();
}
