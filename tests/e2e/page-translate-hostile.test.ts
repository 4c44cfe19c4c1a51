import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { errors, startFakeServer, type FakeServer } from '@/tests/fake-server';
import { configureGlance } from './configure';
import { type Glance, launchGlance, tabIdOf } from './harness';
import { startPageServer, type PageServer } from './page-server';
import { requestParts, sentParts, translationRequests, translator } from './page-translate-helpers';

const paragraphs = (tag: string, count: number) =>
  Array.from(
    { length: count },
    (_, i) => `<p id="${tag}${i}">${tag} paragraph ${i} describes the winding roads and the hills around the old mill.</p>`,
  ).join('\n');

/** Strict CSP, `* { all: unset }`, a trapped MutationObserver and a paragraph the page keeps rewriting. */
const HOSTILE = `<!doctype html><html lang="en"><head><title>Hostile</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<style>* { all: unset; } p { display: block; font-size: 16px; margin: 0 0 20px; } body { display: block; margin: 30px; }</style>
</head><body>
<p id="rewrite">The page puts this paragraph back the way it was whenever anything changes inside it.</p>
<div id="list"><p id="replaced">The page replaces this paragraph with a fresh copy whenever it is touched.</p></div>
${paragraphs('h', 8)}
<script>
  const Native = MutationObserver;
  window.MutationObserver = function () { throw new Error('no observers here'); };
  const rewrite = document.getElementById('rewrite');
  const original = rewrite.innerHTML;
  new Native(() => { if (rewrite.innerHTML !== original) rewrite.innerHTML = original; }).observe(rewrite, { childList: true, subtree: true });
  const list = document.getElementById('list');
  new Native(() => {
    const p = list.querySelector('p');
    if (p && p.childNodes.length > 1) {
      const copy = document.createElement('p');
      copy.id = 'replaced';
      copy.textContent = p.firstChild.textContent;
      list.replaceChildren(copy);
    }
  }).observe(list, { childList: true, subtree: true });
</script>
</body></html>`;

let server: FakeServer;
let pages: PageServer;
let glance: Glance;

beforeAll(async () => {
  server = await startFakeServer();
  pages = await startPageServer({
    '/hostile': { html: HOSTILE },
    '/frames': {
      html: `<!doctype html><html lang="en"><body><p id="top">Words in the top document about the river and its bridges.</p>
<iframe id="inner" src="/inner" style="width:800px;height:200px"></iframe><div id="host"></div>
<script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p id="shadowed">Words living inside an open shadow tree, near the bridge.</p>';</script></body></html>`,
    },
    '/inner': {
      html: '<!doctype html><html lang="en"><body><p id="framed">Words inside a same-origin frame about the old harbour.</p></body></html>',
    },
    '/toggles': {
      html: `<!doctype html><html lang="en"><head><style>.closed { display: none; }</style></head><body>
<p id="shown">Words shown from the start, about the market square and its fountain.</p>
<p id="faint" style="visibility: hidden">Words the page shows later by a style, about the lighthouse keeper.</p>
<div id="more" class="closed"><p id="folded">Words behind a Read more button, about the fishing fleet at dawn.</p></div>
<div id="flag" hidden><p id="unhidden">Words under a hidden attribute, about the ferry to the island.</p></div>
</body></html>`,
    },
    '/long': { html: `<!doctype html><html lang="en"><body>${paragraphs('l', 120)}</body></html>` },
    '/jump': { html: `<!doctype html><html lang="en"><body>${paragraphs('j', 3000)}</body></html>` },
  });
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

/** Presses Translate page in a popup opened on the tab, as a user does, then shows the page again; returns the popup. */
async function translateFromPopup(page: Page, tabId: number): Promise<Page> {
  const popup = await glance.openPage(`popup.html?tabId=${tabId}`);
  await popup.getByRole('button', { name: 'Translate page' }).click();
  await page.bringToFront();
  return popup;
}

const translationOf = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.querySelector('[data-glance-translation]')?.textContent ?? null, selector);

async function setSettings(patch: Record<string, unknown>): Promise<void> {
  const worker = await glance.worker();
  await worker.evaluate(async (values) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), ...values } });
  }, patch);
}

it('works under a strict CSP and `* { all: unset }`, and a page that rewrites its nodes starts no loop', async () => {
  server.setDefault(translator());
  const { page, tabId } = await openTab('/hostile');
  const before = await page.evaluate(() => document.body.outerHTML);
  const popup = await translateFromPopup(page, tabId);
  await eventually(() => translationOf(page, '#h3')).toContain('译文：h paragraph 3');
  // Shown as its own block under the original, in the original's font size.
  const boxes = await page.evaluate(() => {
    const original = document.querySelector('#h3')!;
    const inserted = original.querySelector('[data-glance-translation]')!;
    const range = document.createRange();
    range.selectNodeContents(original.firstChild!);
    return {
      text: range.getBoundingClientRect().bottom,
      translation: inserted.getBoundingClientRect().top,
      size: getComputedStyle(inserted).fontSize,
    };
  });
  expect(boxes.translation).toBeGreaterThanOrEqual(boxes.text - 1);
  expect(boxes.size).toBe('16px');
  // The rewriting page: a few attempts at most, then it is left alone; nothing keeps asking the model.
  await page.waitForTimeout(3000);
  const settled = translationRequests(server).length;
  await page.waitForTimeout(2000);
  expect(translationRequests(server)).toHaveLength(settled);
  expect(settled).toBeLessThanOrEqual(4);

  // The modes work without inline styles (constructed sheets pass the CSP).
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Translation only' }).click();
  await eventually(() => page.evaluate(() => getComputedStyle(document.querySelector('#h3')!).fontSize)).toBe('0px');
  await popup.getByRole('button', { name: 'Stop translating' }).click();
  await popup.getByRole('button', { name: 'Translate page' }).waitFor();
  expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
  await popup.close();
  await page.close();
});

it('a 429 pauses the queue for its Retry-After, then it goes on', async () => {
  server.enqueue(errors.rateLimited({ retryAfterSeconds: 2 }));
  server.setDefault(translator());
  const { page, tabId } = await openTab('/long?429');
  await page.evaluate(() => {
    for (const p of document.querySelectorAll('p')) p.textContent = `${p.textContent} (rate limit run)`;
  });
  const popup = await translateFromPopup(page, tabId);
  await eventually(() => translationOf(page, '#l0')).toContain('rate limit run');
  const requests = translationRequests(server);
  const refused = requests[0]!;
  const partsOf = (request: (typeof requests)[number]) => JSON.stringify(requestParts(request.body as Record<string, unknown>));
  await eventually(() => translationRequests(server).some((r) => r !== refused && partsOf(r) === partsOf(refused))).toBe(true);
  const again = translationRequests(server).find((r) => r !== refused && partsOf(r) === partsOf(refused))!;
  // The refused batch, and every batch planned after the 429, waited for the Retry-After.
  expect(again.receivedAt - refused.receivedAt).toBeGreaterThanOrEqual(1900);
  const during = translationRequests(server).filter(
    (r) => r.receivedAt > refused.receivedAt + 100 && r.receivedAt < refused.receivedAt + 1900,
  );
  expect(during).toEqual([]);
  await popup.close();
  await page.close();
});

it('the open popup gets the page ready but nothing is sent, whatever the page does, until Translate page', async () => {
  server.setDefault(translator());
  const { page, tabId } = await openTab('/long?ready');
  await page.evaluate(() => {
    for (const p of document.querySelectorAll('p')) p.textContent = `${p.textContent} (ready run)`;
  });
  const popup = await glance.openPage(`popup.html?tabId=${tabId}`);
  await popup.getByText(/^Estimate:/).waitFor();
  // The page adds content and scrolls while the popup is open: past the queue's idle flush, no request.
  await page.evaluate(() => {
    const late = document.createElement('p');
    late.id = 'late';
    late.textContent = 'Words the page added after the popup opened, about the bakery by the bridge.';
    window.scrollBy(0, 200);
    document.getElementById('l6')!.before(late);
  });
  await page.waitForTimeout(1500);
  expect(translationRequests(server)).toEqual([]);
  await popup.getByRole('button', { name: 'Translate page' }).click();
  // The first request carries what is on screen, the paragraph added before the click with it.
  await eventually(() => translationRequests(server).length).toBeGreaterThan(0);
  expect(requestParts(translationRequests(server)[0]!.body as Record<string, unknown>).join('\n')).toContain('bakery');
  await eventually(() => translationOf(page, '#late')).toContain('bakery');
  await popup.close();
  await page.close();
});

it('stops a page at its token cap, and says so in the popup', async () => {
  server.setDefault(translator());
  // Set on the settings page, as a person would.
  const options = await glance.openPage('options.html');
  const cap = options.getByRole('spinbutton', { name: 'Most tokens one page may use' });
  await expect.poll(() => cap.inputValue()).toBe('100000');
  await cap.fill('1000');
  await cap.blur();
  await eventually(async () => {
    const worker = await glance.worker();
    return worker.evaluate(
      async () => ((await chrome.storage.local.get('settings')).settings as { pageTranslateCap: number }).pageTranslateCap,
    );
  }).toBe(1000);
  await options.close();
  const { page, tabId } = await openTab('/long?cap');
  await page.evaluate(() => {
    for (const p of document.querySelectorAll('p')) p.textContent = `${p.textContent} (cap run)`;
  });
  const popup = await translateFromPopup(page, tabId);
  await eventually(() => translationOf(page, '#l0')).toContain('cap run');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await popup.bringToFront();
  await popup.getByText(/reached its limit of 1,000 tokens/).waitFor({ timeout: 20_000 });
  const count = translationRequests(server).length;
  await page.waitForTimeout(1000);
  expect(translationRequests(server)).toHaveLength(count);
  expect(await translationOf(page, '#l119')).toBeNull();
  await setSettings({ pageTranslateCap: 100_000 });
  await popup.close();
  await page.close();
});

it('on a 3,000-paragraph page, a jump to the end translates the end, not the paragraphs jumped over', async () => {
  server.setDefault(translator());
  const { page, tabId } = await openTab('/jump');
  const popup = await translateFromPopup(page, tabId);
  await eventually(() => translationOf(page, '#j0')).toContain('译文：j paragraph 0');
  await page.keyboard.press('End');
  await eventually(() => translationOf(page, '#j2999')).toContain('译文：j paragraph 2999');
  const sent = sentParts(server);
  expect(sent.some((part) => part.includes('j paragraph 1500 '))).toBe(false);
  await popup.close();
  await page.close();
});

it('translates open shadow roots and same-origin frames too', async () => {
  server.setDefault(translator());
  const { page, tabId } = await openTab('/frames');
  await page.frameLocator('#inner').locator('#framed').waitFor();
  const popup = await translateFromPopup(page, tabId);
  await eventually(() => translationOf(page, '#top')).toContain('译文：Words in the top document');
  await eventually(() =>
    page.evaluate(
      () => document.querySelector('#host')!.shadowRoot!.querySelector('[data-glance-translation]')?.textContent ?? null,
    ),
  ).toContain('open shadow tree');
  const frame = page.frame({ url: /\/inner$/ })!;
  await eventually(() =>
    frame.evaluate(() => document.querySelector('#framed [data-glance-translation]')?.textContent ?? null),
  ).toContain('same-origin frame');
  await popup.getByRole('button', { name: 'Stop translating' }).click();
  await eventually(() => frame.evaluate(() => document.querySelectorAll('[data-glance-translation]').length)).toBe(0);
  await popup.close();
  await page.close();
});

it('translates text the page shows later by a style, a class or taking `hidden` off, once shown', async () => {
  server.setDefault(translator());
  const { page, tabId } = await openTab('/toggles');
  const popup = await translateFromPopup(page, tabId);
  await eventually(() => translationOf(page, '#shown')).toContain('译文：Words shown');
  await page.waitForTimeout(1000);
  expect(sentParts(server).join(' ')).not.toMatch(/lighthouse|fishing|ferry/);

  await page.evaluate(() => {
    document.getElementById('faint')!.style.visibility = 'visible';
    document.getElementById('more')!.classList.remove('closed');
    document.getElementById('flag')!.hidden = false;
  });
  await eventually(() => translationOf(page, '#faint')).toContain('lighthouse keeper');
  await eventually(() => translationOf(page, '#folded')).toContain('fishing fleet');
  await eventually(() => translationOf(page, '#unhidden')).toContain('ferry');
  await popup.close();
  await page.close();
});
