import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { FakeServer } from '@/tests/fake-server';
import { Ax } from './ax';
import { closeAll, startConfiguredGlance } from './configure';
import type { Glance } from './harness';
import { startPageServer, type PageServer } from './page-server';
import { chatRequests, dragSelect, translationDone } from './translate-helpers';
import { PROTOCOL_TAG } from '@/utils/protocol';

/**
 * Pages that attack Glance's in-page UI rather than merely restyle it. Each asserts what reaches the
 * fake API: a page must never make Glance spend without a person's click on Glance's own button.
 */

const TEXT = 'A hostile page would like this sentence translated on your account, many times over.';

/**
 * Defines every name Glance's hosts ever had before Glance can, keeps the ElementInternals of each
 * instance, opens every shadow root attached in its world, and clicks every button it can reach.
 */
const THIEF = `<!doctype html><html><head><title>Thief</title><script>
window.stolen = new Set();
window.internals = [];
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const root = attach.call(this, { ...init, mode: 'open' });
  window.stolen.add(root);
  return root;
};
for (const name of ['glance-translate-button', 'glance-translation', 'glance-button', 'glance-card']) {
  customElements.define(name, class extends HTMLElement {
    constructor() { super(); window.internals.push(this.attachInternals()); }
  });
}
const press = (root) => {
  for (const button of root.querySelectorAll('button')) {
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  }
};
setInterval(() => {
  for (const internals of window.internals) if (internals.shadowRoot) window.stolen.add(internals.shadowRoot);
  for (const element of document.querySelectorAll('*')) if (element.shadowRoot) window.stolen.add(element.shadowRoot);
  for (const root of window.stolen) press(root);
  // Whatever Glance put in the page, poked with made-up clicks and keys.
  for (const element of document.documentElement.children) {
    if (element === document.head || element === document.body) continue;
    element.click();
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  }
}, 50);
</script></head><body><p id="text">${TEXT}</p></body></html>`;

const PLAIN = `<!doctype html><html><head><title>Plain</title></head><body><p id="text">${TEXT}</p></body></html>`;

/**
 * Clickjacking: a "Claim prize" decoy, and whatever Glance adds to the page is restyled (almost
 * transparent) and moved over the decoy, again and again, so that a click on the decoy lands on it.
 */
const DECOY = `<!doctype html><html><head><title>Prize</title></head><body><p id="text">${TEXT}</p>
<button id="decoy" style="position:fixed;left:300px;top:300px;width:140px;height:40px">Claim prize</button>
<script>
window.decoyClicks = 0;
document.getElementById('decoy').addEventListener('click', () => window.decoyClicks++);
const cover = 'display:block!important;position:fixed!important;left:356px!important;top:306px!important;' +
  'width:28px!important;height:28px!important;opacity:0.01!important;z-index:2147483647!important';
setInterval(() => {
  for (const element of document.documentElement.children)
    if (element !== document.head && element !== document.body) element.style.cssText = cover;
}, 5);
</script></body></html>`;

/**
 * Clickjacking without touching Glance's host: an opaque "Claim prize" label that lets clicks
 * through (`pointer-events: none`) is kept over whatever Glance adds to the page, so the person
 * sees the label while the click lands on Glance's button beneath it.
 */
const OVERLAY = `<!doctype html><html><head><title>Overlay</title></head><body><p id="text">${TEXT}</p>
<div id="label" style="position:fixed;display:none;pointer-events:none;z-index:2147483647;background:gold;
  padding:20px;margin:-20px;font:16px sans-serif">Claim prize</div>
<script>
const label = document.getElementById('label');
setInterval(() => {
  for (const element of document.documentElement.children) {
    if (element === document.head || element === document.body) continue;
    const box = element.getBoundingClientRect();
    if (!box.width) continue;
    document.documentElement.append(label);
    Object.assign(label.style, { display: 'block', left: box.left + 'px', top: box.top + 'px',
      width: box.width + 'px', height: box.height + 'px' });
  }
}, 5);
</script></body></html>`;

let server: FakeServer;
let pages: PageServer;
let glance: Glance;

beforeAll(async () => {
  ({ server, glance } = await startConfiguredGlance());
  pages = await startPageServer({
    '/thief': { html: THIEF },
    '/plain': { html: PLAIN },
    '/decoy': { html: DECOY },
    '/overlay': { html: OVERLAY },
  });
});
afterAll(() => closeAll(glance, pages, server));
beforeEach(() => server.reset());

async function open(path: string): Promise<{ page: Page; ax: Ax }> {
  const page = await glance.context.newPage();
  await page.goto(`${pages.url}${path}`);
  return { page, ax: await Ax.of(page) };
}

const settle = (ms = 1500) => new Promise((resolve) => setTimeout(resolve, ms));

it('keeps its shadow roots from a page that defines its element names first and hooks attachShadow', async () => {
  server.enqueue({ kind: 'text', text: '只翻译一次。' });
  const { page, ax } = await open('/thief');
  const loot = () => page.evaluate(() => ({ roots: (window as unknown as { stolen: Set<unknown> }).stolen.size }));

  await dragSelect(page, page.locator('#text'));
  await settle();
  // The page holds none of Glance's roots and pressed nothing; the button is there for the person.
  expect(await loot()).toEqual({ roots: 0 });
  expect(chatRequests(server)).toHaveLength(0);
  const button = await ax.find('button', 'Translate');

  // A person's click still works, exactly once, however long the page keeps poking.
  await ax.click(button);
  await translationDone(ax);
  await settle();
  expect(await loot()).toEqual({ roots: 0 });
  expect(chatRequests(server)).toHaveLength(1);
  await page.close();
});

/** Sends a protocol message from Glance's content-script world in the page (its isolated world). */
async function sendFromContentScript(page: Page, name: string, data: unknown): Promise<unknown> {
  const cdp = await glance.context.newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = contexts.find(
    (c) => c.origin.includes(glance.extensionId) || (c.auxData?.type === 'isolated' && c.origin === ''),
  );
  if (!world) throw new Error('no content-script world in the page');
  const message = JSON.stringify({ protocol: PROTOCOL_TAG, name, data });
  const { result } = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    expression: `chrome.runtime.sendMessage(${message})`,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  return result.value;
}

it('refuses "Spend anyway" (overrideBudget) from a content script', async () => {
  const { page } = await open('/plain');
  // The selection script runs once the page's selection first changes: its world then exists.
  await dragSelect(page, page.locator('#text'));
  const reply = await sendFromContentScript(page, 'overrideBudget', null);
  expect(reply).toMatchObject({ ok: false, error: { code: 'refused' } });
  const worker = await glance.worker();
  const until = await worker.evaluate(
    async () => (await chrome.storage.session.get('budgetOverrideUntil')).budgetOverrideUntil ?? 0,
  );
  expect(until).toBe(0);
  await page.close();
});

it('shows no money on the card (window.find finds none), and sends a held call only after "Spend anyway" in Glance', async () => {
  server.enqueue({ kind: 'text', text: '第一次翻译。' });
  const { page, ax } = await open('/plain');
  const moneyFound = () =>
    page.evaluate(() => {
      const find = (text: string) => {
        getSelection()?.removeAllRanges();
        return (window as unknown as { find(text: string): boolean }).find(text);
      };
      return ['$', '¥', 'USD', 'tokens', '0.0000'].filter(find);
    });
  await dragSelect(page, page.locator('#text'));
  await ax.click(await ax.find('button', 'Translate'));
  await translationDone(ax);
  expect(await moneyFound()).toEqual([]);
  await ax.click(await ax.find('button', 'Close'));

  // The day's spending is over a tiny budget: the next translation is held.
  const options = await glance.openPage('options.html#usage');
  await options.getByRole('textbox', { name: 'Daily budget' }).fill('0.000001');
  await options.getByRole('textbox', { name: 'Daily budget' }).press('Enter');
  await options.getByText('Budgets saved.').waitFor();
  await options.close();
  await page.bringToFront();
  await dragSelect(page, page.locator('#text'));
  await ax.click(await ax.find('button', 'Translate'));
  const openGlance = await ax.find('button', 'Open Glance');
  expect(chatRequests(server)).toHaveLength(1);
  expect(await moneyFound()).toEqual([]);
  expect(await ax.all('button', 'Spend anyway')).toEqual([]);

  // "Open Glance" opens the usage page, where a person presses "Spend anyway"; then Retry sends.
  const [usagePage] = await Promise.all([glance.context.waitForEvent('page'), ax.click(openGlance)]);
  await usagePage.waitForURL(/options\.html#usage$/);
  await usagePage.getByRole('button', { name: 'Spend anyway' }).click();
  await usagePage.getByText(/Budgets are lifted for the next hour/).waitFor();
  server.enqueue({ kind: 'text', text: '第二次翻译。' });
  await page.bringToFront();
  await ax.click(await ax.find('button', 'Retry'));
  await expect.poll(() => chatRequests(server).length, { timeout: 15_000 }).toBe(2);
  await usagePage.close();
  await page.close();
});

it('acts on no click that lands on it while the page has made it faint and moved it over a decoy', async () => {
  server.enqueue({ kind: 'text', text: '只有看得见的按钮才算数。' });
  const { page, ax } = await open('/decoy');
  await dragSelect(page, page.locator('#text'));
  await ax.find('button', 'Translate');
  await settle(300);
  await page.mouse.click(370, 320);
  await settle();
  expect(chatRequests(server)).toHaveLength(0);
  expect(await ax.all('dialog', 'Translation')).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { decoyClicks: number }).decoyClicks)).toBe(1);

  await page.close();
});

it('acts on no click through an opaque label the page keeps over its button (pointer-events: none)', async () => {
  server.enqueue({ kind: 'text', text: '只有看得见的按钮才算数。' });
  const { page, ax } = await open('/overlay');
  await dragSelect(page, page.locator('#text'));
  const button = await ax.find('button', 'Translate');
  expect(button).toBeTruthy();
  await settle(400);
  const label = await page.locator('#label').boundingBox();
  await page.mouse.click(label!.x + label!.width / 2, label!.y + label!.height / 2);
  await settle();
  expect(chatRequests(server)).toHaveLength(0);
  expect(await ax.all('dialog', 'Translation')).toEqual([]);
  await page.close();
});

it('opens at most one settings tab for 25 openSettings asks from a content script', async () => {
  const { page } = await open('/plain');
  await dragSelect(page, page.locator('#text'));
  const settingsTabs = () => glance.context.pages().filter((p) => p.url().includes('/options.html'));
  const before = settingsTabs().length;
  for (let i = 0; i < 25; i++) await sendFromContentScript(page, 'openSettings', {});
  await settle(500);
  expect(settingsTabs().length - before).toBeLessThanOrEqual(1);
  for (const tab of settingsTabs()) await tab.close();
  await page.close();
});
