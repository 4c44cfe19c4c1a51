import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { Ax } from './ax';
import { configureGlance } from './configure';
import { launchGlance, type Glance } from './harness';
import { startPageServer, type PageServer } from './page-server';
import { chatRequests, translationDone, userMessage } from './translate-helpers';

const PAGE =
  '<!doctype html><html lang="en"><body><p id="text">Turning the button off must leave pages alone.</p><p id="more">More words to select here.</p></body></html>';

let server: FakeServer;
let pages: PageServer;
let glance: Glance;

beforeAll(async () => {
  server = await startFakeServer();
  pages = await startPageServer({ '/': { html: PAGE } });
  glance = await launchGlance();
  await configureGlance(glance, server);
});
afterAll(async () => {
  await glance?.close();
  await pages?.close();
  await server?.close();
});
beforeEach(() => server.reset());

async function open(): Promise<{ page: Page; ax: Ax }> {
  const page = await glance.context.newPage();
  await page.goto(`${pages.url}/`);
  return { page, ax: await Ax.of(page) };
}

/** The content scripts registered right now, as the browser reports them. */
async function registered(): Promise<{ id: string; matches?: string[]; excludeMatches?: string[] }[]> {
  const worker = await glance.worker();
  return worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
}

/** Execution contexts of the extension in a page: its isolated world exists only if a script of ours ran. */
async function extensionWorlds(page: Page): Promise<number> {
  const cdp = await glance.context.newCDPSession(page);
  const contexts: { origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  await cdp.detach();
  return contexts.filter((c) => c.origin.includes(glance.extensionId)).length;
}

async function settingsPage(): Promise<Page> {
  return glance.openPage('options.html#translate');
}

describe('turning the selection button off and on', () => {
  it('unregisters the script when off (no script in new pages, the button leaves open pages) and registers it again when on', async () => {
    expect(await registered()).toEqual([
      expect.objectContaining({ id: 'glance-selection', matches: ['http://*/*', 'https://*/*'] }),
    ]);
    const { page: before, ax: beforeAx } = await open();
    await before.locator('#text').click({ clickCount: 3 });
    await beforeAx.find('button', 'Translate');
    expect(await extensionWorlds(before)).toBeGreaterThan(0);

    const options = await settingsPage();
    const toggle = options.getByRole('checkbox', { name: 'Show a Translate button when I select text' });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    // Glance may read only 127.0.0.1 and localhost here: the page offers to ask for every site.
    await options.getByRole('button', { name: 'Allow on all sites' }).waitFor();
    await toggle.uncheck();
    await expect.poll(registered).toEqual([]);

    // A page opened now has no script of Glance's at all.
    const { page: after, ax: afterAx } = await open();
    // Past document_idle, when the script would have run.
    await after.waitForTimeout(500);
    expect(await extensionWorlds(after)).toBe(0);
    await after.locator('#text').click({ clickCount: 3 });
    await after.waitForTimeout(600);
    expect(await afterAx.all('button', 'Translate')).toHaveLength(0);
    // The page that was open when the button was turned off lost its button too.
    await before.bringToFront();
    await before.locator('#more').click({ clickCount: 3 });
    await before.waitForTimeout(600);
    expect(await beforeAx.all('button', 'Translate')).toHaveLength(0);

    await toggle.check();
    await expect.poll(registered).toHaveLength(1);
    const { page: again, ax: againAx } = await open();
    await again.locator('#text').click({ clickCount: 3 });
    await againAx.find('button', 'Translate');
    for (const page of [before, after, again, options]) await page.close();
  });

  it('can be off on one site: that site gets no script, and a bad site name is explained and not saved', async () => {
    const options = await settingsPage();
    const sites = options.getByRole('textbox', { name: 'Sites without the button (one per line)' });
    await sites.fill('not a site!');
    await sites.blur();
    await expect.poll(() => options.getByRole('alert').textContent()).toContain('Not a site name: not a site!');
    expect(await sites.inputValue()).toBe('not a site!');
    expect((await registered())[0]!.excludeMatches ?? []).toEqual([]);

    await sites.fill('https://127.0.0.1:8080/some/page');
    await sites.blur();
    await expect.poll(async () => (await registered())[0]?.excludeMatches).toEqual(['*://127.0.0.1/*']);
    expect(await sites.inputValue()).toBe('127.0.0.1');

    const { page, ax } = await open();
    await page.waitForTimeout(500);
    expect(await extensionWorlds(page)).toBe(0);
    await page.locator('#text').click({ clickCount: 3 });
    await page.waitForTimeout(600);
    expect(await ax.all('button', 'Translate')).toHaveLength(0);

    await sites.fill('');
    await sites.blur();
    await expect.poll(async () => (await registered())[0]?.excludeMatches ?? []).toEqual([]);
    await page.close();
    await options.close();
  });
});

describe('without the selection button', () => {
  it('the card loaded on demand (as the context menu and shortcut do) translates the current selection', async () => {
    const options = await settingsPage();
    await options.getByRole('checkbox', { name: 'Show a Translate button when I select text' }).uncheck();
    await expect.poll(registered).toEqual([]);
    server.enqueue({ kind: 'text', text: '关掉按钮也能用菜单翻译。' });

    const { page, ax } = await open();
    await page.locator('#text').click({ clickCount: 3 });
    const worker = await glance.worker();
    await worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url: `${url}/*` });
      await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, files: ['/translate-card.js'] });
    }, pages.url);
    const dialog = await ax.find('dialog', 'Translation');
    await translationDone(ax);
    expect(await ax.text(dialog)).toContain('关掉按钮也能用菜单翻译。');
    expect(userMessage(chatRequests(server)[0]!)).toContain('Turning the button off must leave pages alone.');
    await ax.click(await ax.find('button', 'Close'));
    await options.getByRole('checkbox', { name: 'Show a Translate button when I select text' }).check();
    await expect.poll(registered).toHaveLength(1);
    await page.close();
    await options.close();
  });
});

describe('popup Translate box', () => {
  it('translates pasted text with the same action, keeps code blocks out of the request, and keeps the text when reopened', async () => {
    server.enqueue({ kind: 'text', text: '第一段。' }, { kind: 'text', text: 'unused' });
    const popup = await glance.openPage('popup.html');
    await popup.getByRole('button', { name: 'Translate', exact: true }).click();
    const input = popup.getByRole('textbox', { name: 'Text to translate' });
    await input.fill('First paragraph.\n\n```js\nconst keep = "this code";\n```');
    await expect.poll(() => popup.getByText('From English').count()).toBe(1);
    expect(await popup.getByRole('combobox', { name: 'Translate into' }).inputValue()).toBe('zh-CN');
    await popup.getByRole('button', { name: 'Translate text' }).click();
    const output = popup.getByRole('region', { name: 'Translation' });
    await expect.poll(() => output.textContent()).toContain('第一段。');
    await expect.poll(() => output.textContent()).toContain('const keep = "this code";');
    await popup.getByText(/tokens in/).waitFor();
    const requests = chatRequests(server);
    expect(requests).toHaveLength(1);
    expect(userMessage(requests[0]!)).toBe('<text>\nFirst paragraph.\n</text>');
    expect(server.validationErrors).toEqual([]);
    await popup.close();

    const reopened = await glance.openPage('popup.html');
    await reopened.getByRole('button', { name: 'Translate', exact: true }).click();
    await expect
      .poll(() => reopened.getByRole('textbox', { name: 'Text to translate' }).inputValue())
      .toContain('First paragraph.');
    await reopened.close();
  });
});
