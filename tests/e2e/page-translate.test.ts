import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { Ax } from './ax';
import { configureGlance } from './configure';
import { type Glance, launchGlance, tabIdOf } from './harness';
import { startPageServer, type PageServer } from './page-server';
import { fakeTranslation, requestParts, sentParts, translationRequests, translator } from './page-translate-helpers';

const filler = (n: number) =>
  `Paragraph ${n} tells how the harbour town changed over the years, with its boats, markets and quiet streets by the sea.`;

const ARTICLE = `<!doctype html><html lang="en"><head><title>Harbour</title>
<style>p { margin: 0 0 24px; font-size: 18px; }</style></head><body style="margin:40px">
<h1 id="title">The harbour town</h1>
<p id="linked">Read the <a href="https://example.org/history">full history of the port</a> before you visit the old town.</p>
<p id="nt" class="notranslate">Do not translate this sentence, it is a brand slogan.</p>
<div class="notranslate"><p id="nt2">A paragraph nested inside a notranslate block stays as it is.</p></div>
<p id="tn" translate="no">The page marked this sentence with translate equals no.</p>
<pre id="code"><code>npm install harbour-tools --save</code></pre>
<p id="zh">这是一段已经是中文的文字，不需要再翻译一次。</p>
<p id="hidden" hidden>A hidden paragraph that nobody can see on the page.</p>
<div contenteditable="true"><p id="editable">Words typed into an editable region stay untouched.</p></div>
<ul><li id="item">The first list item talks about fishing boats.</li></ul>
${Array.from({ length: 60 }, (_, i) => `${i === 55 ? '<div style="height:6000px"></div>' : ''}<p id="f${i}">${filler(i)}</p>`).join('\n')}
<div id="feed"></div>
<script>
  window.more = () => {
    const p = document.createElement('p');
    p.id = 'added';
    p.textContent = 'A paragraph that arrived later, like a comment loaded by infinite scroll.';
    document.getElementById('feed').append(p);
  };
</script>
</body></html>`;

let server: FakeServer;
let pages: PageServer;
let glance: Glance;

beforeAll(async () => {
  server = await startFakeServer();
  pages = await startPageServer({ '/article': { html: ARTICLE } });
  glance = await launchGlance();
  await (await configureGlance(glance, server)).close();
});
afterAll(async () => {
  await glance?.close();
  await pages?.close();
  await server?.close();
});
beforeEach(() => server.reset());

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });

async function openTab(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await glance.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${pages.url}${path}`);
  const tabId = await tabIdOf(glance, `${pages.url}${path}`);
  return { page, tabId };
}

/** Whether the page-translation script is loaded in a tab (its bridge, in Glance's isolated world). */
async function scriptLoaded(tabId: number): Promise<boolean> {
  const worker = await glance.worker();
  return worker.evaluate(async (id) => {
    const [result] = await chrome.scripting.executeScript({
      target: { tabId: id },
      func: () => '__glancePageTranslate' in globalThis,
    });
    return result?.result === true;
  }, tabId);
}

/** The translation inserted into an element, or null. */
const translationOf = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.querySelector('[data-glance-translation]')?.textContent ?? null, selector);

it('translates what is on screen, then more on scroll and new content; modes switch; Stop restores the page exactly', async () => {
  server.setDefault(translator());
  const { page, tabId } = await openTab('/article');
  const before = await page.evaluate(() => document.body.outerHTML);
  // Nothing of page translation in a page without a rule until the user asks (opens the popup).
  await page.waitForTimeout(500);
  expect(await scriptLoaded(tabId)).toBe(false);
  const popup = await glance.openPage(`popup.html?tabId=${tabId}`);
  await popup.getByText(/Estimate: on screen about [\d,]+ tokens/).waitFor();
  // Visible at once, with the estimate for the screen and the whole page.
  await popup.getByRole('button', { name: 'Translate page' }).click();
  await page.bringToFront();

  await eventually(() => translationOf(page, '#linked')).toContain('译文：Read the');
  const inserted = page.locator('#linked [data-glance-translation]');
  expect(await inserted.getAttribute('lang')).toBe('zh-CN');
  // The link stays a link, to the same address.
  expect(await inserted.locator('a').getAttribute('href')).toBe('https://example.org/history');
  expect(await inserted.locator('a').textContent()).toBe('full history of the port');
  await eventually(() => translationOf(page, '#item')).toContain('fishing boats');
  await eventually(() => translationOf(page, '#title')).toContain('harbour town');
  // Skipped: notranslate (itself and its subtree), translate="no", code, Chinese text, hidden, editable.
  for (const skipped of ['#nt', '#nt2', '#tn', '#code', '#zh', '#hidden', '#editable']) {
    expect(await translationOf(page, skipped), skipped).toBeNull();
  }
  const sent = sentParts(server);
  expect(sent.join('\n')).not.toMatch(
    /brand slogan|notranslate block|translate equals no|npm install|已经是中文|hidden paragraph|editable region/,
  );
  // Several paragraphs per request.
  expect(sent.length).toBeGreaterThan(translationRequests(server).length * 3);
  // Far down the page: not yet.
  expect(await translationOf(page, '#f59')).toBeNull();

  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await eventually(() => translationOf(page, '#f59')).toBe(
    fakeTranslation(`${'Paragraph 59 tells'}${filler(59).slice('Paragraph 59 tells'.length)}`),
  );
  await page.evaluate(() => (window as unknown as { more(): void }).more());
  await eventually(() => translationOf(page, '#added')).toContain('arrived later');

  // The page's own indicator, in a closed shadow root, with the same buttons.
  const ax = await Ax.of(page);
  await ax.find('region', 'Page translation');
  await ax.find('button', 'Stop translating');

  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Translation only' }).click();
  await eventually(() => page.evaluate(() => getComputedStyle(document.querySelector('#f59')!).fontSize)).toBe('0px');
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('#f59 [data-glance-translation]')!).fontSize)).toBe(
    '18px',
  );
  await popup.getByRole('button', { name: 'Show original' }).click();
  await eventually(() => page.locator('#f59 [data-glance-translation]').isVisible()).toBe(false);
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('#f59')!).fontSize)).toBe('18px');
  await popup.getByRole('button', { name: 'Bilingual' }).click();
  await eventually(() => page.locator('#f59 [data-glance-translation]').isVisible()).toBe(true);

  await popup.getByRole('button', { name: 'Stop translating' }).click();
  await popup.getByRole('button', { name: 'Translate page' }).waitFor();
  // The added paragraph is the page's own; everything Glance inserted is gone.
  const after = await page.evaluate(() => {
    document.getElementById('added')?.remove();
    return document.body.outerHTML;
  });
  expect(after).toBe(before);
  await ax.gone('region', 'Page translation');
  expect(server.validationErrors).toEqual([]);
  await popup.close();
  await page.close();
});

it('asks again, alone, for a paragraph the model dropped; a second visit costs nothing (cache)', async () => {
  server.enqueue(translator({ drop: [2] }));
  server.setDefault(translator());
  const { page, tabId } = await openTab('/article');
  const popup = await glance.openPage(`popup.html?tabId=${tabId}`);
  await page.evaluate(() => {
    for (const p of document.querySelectorAll('p[id^="f"]')) p.textContent = `${p.textContent} (drop run)`;
  });
  await popup.getByRole('button', { name: 'Translate page' }).click();
  await page.bringToFront();
  const first = await server.waitForRequests(1);
  const dropped = requestParts(first[0]!.body as Record<string, unknown>)[1]!;
  await eventually(() =>
    translationRequests(server).some((request) => {
      const parts = requestParts(request.body as Record<string, unknown>);
      return parts.length === 1 && parts[0] === dropped;
    }),
  ).toBe(true);
  await eventually(() => translationOf(page, '#f1')).toContain('drop run');
  await popup.getByRole('button', { name: 'Stop translating' }).click();
  await popup.getByRole('button', { name: 'Translate page' }).waitFor();

  // Reload: every paragraph was seen before (by the first test), so all come from the cache.
  server.reset();
  server.setDefault(translator());
  await page.reload();
  await popup.reload();
  await popup.getByRole('button', { name: 'Translate page' }).click();
  await page.bringToFront();
  await eventually(() => translationOf(page, '#linked')).toContain('译文：Read the');
  await page.waitForTimeout(500);
  expect(translationRequests(server)).toHaveLength(0);
  await popup.close();
  await page.close();
});

it('stops the queue at the budget; "Spend anyway" in the popup lets it go on', async () => {
  server.setDefault(translator());
  const { page, tabId } = await openTab('/article?budget');
  const popup = await glance.openPage(`popup.html?tabId=${tabId}`);
  // Fresh texts for this test: nothing of them is cached.
  await page.evaluate(() => {
    for (const p of document.querySelectorAll('p[id^="f"]')) p.textContent = `${p.textContent} (budget run)`;
  });
  await popup.getByRole('button', { name: 'Translate page' }).click();
  await page.bringToFront();
  await eventually(() => translationOf(page, '#f0')).toContain('budget run');
  const worker = await glance.worker();
  await worker.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), dailyBudgetUsd: 0.0000001 } });
  });
  const count = translationRequests(server).length;
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Spend anyway' }).waitFor({ timeout: 20_000 });
  expect(translationRequests(server)).toHaveLength(count);
  expect(await translationOf(page, '#f59')).toBeNull();
  await popup.getByRole('button', { name: 'Spend anyway' }).click();
  await page.bringToFront();
  await eventually(() => translationOf(page, '#f59')).toContain('budget run');
  await popup.close();
  await page.close();
});

it('"Always translate this site" translates it on every visit; "Never" stops that', async () => {
  server.setDefault(translator());
  const { page, tabId } = await openTab('/article?rules');
  const popup = await glance.openPage(`popup.html?tabId=${tabId}`);
  await popup.getByRole('button', { name: 'Always translate this site' }).click();
  await eventually(() => translationOf(page, '#linked')).toContain('译文：Read the');
  await page.reload();
  await page.bringToFront();
  await eventually(() => translationOf(page, '#linked')).toContain('译文：Read the');

  await popup.reload();
  await popup.getByRole('button', { name: 'Never translate this site' }).click();
  await expect
    .poll(() => popup.getByRole('button', { name: 'Never translate this site' }).getAttribute('aria-pressed'))
    .toBe('true');
  await page.reload();
  await page.waitForTimeout(1500);
  expect(await translationOf(page, '#linked')).toBeNull();
  // On a "Never" site, opening the popup loads nothing into the page either.
  await popup.reload();
  await popup.getByRole('button', { name: 'Translate page' }).waitFor();
  await page.waitForTimeout(500);
  expect(await scriptLoaded(tabId)).toBe(false);
  await popup.getByRole('button', { name: 'Never translate this site' }).click();
  await popup.close();
  await page.close();
});

/** Fires one of the browser's extension events in the worker, as Chrome does for a menu click or a shortcut. */
type Dispatchable = { dispatch(...args: unknown[]): void };

it('the context menu item and the Alt+Shift+T shortcut start it; the page panel stops it', async () => {
  server.setDefault(translator());
  const worker = await glance.worker();
  const shortcut = await worker.evaluate(
    () => (chrome.runtime.getManifest().commands as Record<string, { suggested_key?: { default?: string } }>)['translate-page'],
  );
  expect(shortcut?.suggested_key?.default).toBe('Alt+Shift+T');
  const { page, tabId } = await openTab('/article');
  const before = await page.evaluate(() => document.body.outerHTML);

  await worker.evaluate(async (id) => {
    const tab = await chrome.tabs.get(id);
    (chrome.contextMenus.onClicked as unknown as Dispatchable).dispatch({ menuItemId: 'translate-page', pageUrl: tab.url }, tab);
  }, tabId);
  await eventually(() => translationOf(page, '#linked')).toContain('译文：Read the');
  const ax = await Ax.of(page);
  await ax.click(await ax.find('button', 'Stop translating'));
  await eventually(() => page.evaluate(() => document.body.outerHTML)).toBe(before);

  await worker.evaluate(async (id) => {
    (chrome.commands.onCommand as unknown as Dispatchable).dispatch('translate-page', await chrome.tabs.get(id));
  }, tabId);
  await eventually(() => translationOf(page, '#linked')).toContain('译文：Read the');
  await page.close();
});
