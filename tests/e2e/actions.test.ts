import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { Ax } from './ax';
import { configureGlance } from './configure';
import { launchGlance, type Glance } from './harness';
import { startPageServer, type PageServer } from './page-server';
import { chatRequests, dragSelect, overlaps, selectionRects, systemMessage, userMessage } from './translate-helpers';

const FIRST = 'Photosynthesis turns light, water and carbon dioxide into sugar and oxygen inside the leaves of plants.';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Plants at work</title></head><body style="margin:40px">
<h1>Reading</h1>
<p id="first">${FIRST}</p>
<p id="second">Second paragraph with other words in it.</p>
<label>Password <input id="password" type="password" value="hunter2-correct-horse"></label>
<label>Notes <textarea id="notes" rows="3" cols="40">Me and him goes to school, said the note.</textarea></label>
<div id="editor" contenteditable="true"><p>Hi all, the meeting are moved to noon.</p></div>
</body></html>`;

// The page's own button right under the end of the line (chatGPTBox #622, #729: a toolbar over it takes its clicks).
const BUTTONS = `<!doctype html><html><head><title>Chat</title></head><body style="margin:40px;font:16px/20px sans-serif">
<p id="msg" style="margin:0;width:300px">Short words to select here.</p>
<div style="width:300px;display:flex;justify-content:flex-end"><button id="send" style="width:120px;height:30px;margin:0">Send</button></div>
</body></html>`;

let server: FakeServer;
let pages: PageServer;
let glance: Glance;

beforeAll(async () => {
  server = await startFakeServer();
  pages = await startPageServer({
    '/article': { html: ARTICLE },
    '/buttons': { html: BUTTONS },
    '/frames': {
      html: '<!doctype html><title>Frames</title><iframe id="inner" src="/inner" style="width:600px;height:160px"></iframe>',
    },
    '/inner': { html: '<!doctype html><p id="framed">Words that live inside an iframe of the page.</p>' },
  });
  glance = await launchGlance();
  await configureGlance(glance, server);
});
afterAll(async () => {
  await glance?.close();
  await pages?.close();
  await server?.close();
});
beforeEach(() => server.reset());

async function open(path: string): Promise<{ page: Page; ax: Ax }> {
  const page = await glance.context.newPage();
  await page.goto(`${pages.url}${path}`);
  return { page, ax: await Ax.of(page) };
}

describe('selection toolbar', () => {
  it('shows Translate first, then the actions, then More actions, off the selection; Explain streams into its own card', async () => {
    server.enqueue({ kind: 'text', text: 'Plants make **food** from light.', chunkChars: 4, chunkIntervalMs: 40 });
    const { page, ax } = await open('/article');
    await dragSelect(page, page.locator('#first'));
    const toolbar = await ax.find('toolbar', 'Glance');
    expect(toolbar).toBeTruthy();
    await ax.find('button', 'Translate');
    const explain = await ax.find('button', 'Explain');
    await ax.find('button', 'Summarize');
    await ax.find('button', 'Rewrite');
    await ax.find('button', 'More actions');
    // Past four, the rest are in the menu only.
    expect(await ax.all('button', 'Fix grammar')).toHaveLength(0);
    const box = await ax.box(await ax.find('toolbar', 'Glance'));
    const bar = { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
    for (const rect of await selectionRects(page)) expect(overlaps(bar, rect)).toBe(false);

    await ax.click(explain);
    const dialog = await ax.find('dialog', 'Explain');
    await expect.poll(() => ax.text(dialog), { timeout: 10_000 }).toContain('Plants make food from light.');
    await ax.find('button', 'Retry', 10_000);
    expect(await ax.all('button', 'Replace')).toHaveLength(0);
    const [request] = chatRequests(server);
    expect(systemMessage(request!)).toMatch(/never instructions/);
    expect(userMessage(request!)).toContain(`<selection>\n${FIRST}\n</selection>`);
    expect(userMessage(request!)).toContain('<page_title>\nPlants at work\n</page_title>');
    expect(server.validationErrors).toEqual([]);
    await ax.click(await ax.find('button', 'Close'));
    await ax.gone('dialog', 'Explain');
    await page.close();
  });

  it('works for a selection inside an iframe: the toolbar and the card load into that frame', async () => {
    server.enqueue({ kind: 'text', text: 'They are in a frame.' });
    const { page, ax } = await open('/frames');
    await page.frameLocator('#inner').locator('#framed').click({ clickCount: 3 });
    await ax.click(await ax.find('button', 'Summarize'));
    const dialog = await ax.find('dialog', 'Summarize');
    await expect.poll(() => ax.text(dialog), { timeout: 10_000 }).toContain('They are in a frame.');
    expect(userMessage(chatRequests(server)[0]!)).toContain('Words that live inside an iframe of the page.');
    await page.close();
  });

  it("never covers the page's own button under the selection", async () => {
    const { page, ax } = await open('/buttons');
    await dragSelect(page, page.locator('#msg'));
    await ax.find('button', 'Explain');
    const send = (await page.locator('#send').boundingBox())!;
    const sendRect = { left: send.x, top: send.y, right: send.x + send.width, bottom: send.y + send.height };
    await expect
      .poll(async () => {
        const box = await ax.box(await ax.find('toolbar', 'Glance'));
        return overlaps({ left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height }, sendRect);
      })
      .toBe(false);
    const box = await ax.box(await ax.find('toolbar', 'Glance'));
    for (const rect of await selectionRects(page))
      expect(overlaps({ left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height }, rect)).toBe(false);
    await page.close();
  });

  it('opens the overflow menu by More actions, and Ask opens a question box prefilled with the selection', async () => {
    server.enqueue({ kind: 'text', text: 'Because of chlorophyll.' });
    const { page, ax } = await open('/article');
    await dragSelect(page, page.locator('#first'));
    await ax.click(await ax.find('button', 'More actions'));
    await ax.find('menuitem', 'Fix grammar');
    await ax.click(await ax.find('menuitem', 'Ask'));
    await ax.find('dialog', 'Ask');
    const question = await ax.find('textbox', 'Question');
    expect(await ax.call<string>(question, 'function () { return this.value; }')).toBe(FIRST);
    await page.keyboard.press('End');
    await page.keyboard.type(' Why green?');
    await ax.click(await ax.find('button', 'Send'));
    await ax.find('button', 'Retry', 10_000);
    expect(userMessage(chatRequests(server)[0]!)).toContain(`${FIRST} Why green?`);
    await page.close();
  });

  it('in a text field, Fix grammar offers Replace, which replaces the selection only; a password field offers nothing', async () => {
    server.enqueue({ kind: 'text', text: 'He and I go' });
    const { page, ax } = await open('/article');
    await page.locator('#password').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.waitForTimeout(800);
    expect(await ax.all('toolbar', 'Glance')).toHaveLength(0);

    await page.locator('#notes').click();
    await page.keyboard.press('ControlOrMeta+Home');
    for (let i = 0; i < 'Me and him goes'.length; i += 1) await page.keyboard.press('Shift+ArrowRight');
    await ax.click(await ax.find('button', 'More actions'));
    await ax.click(await ax.find('menuitem', 'Fix grammar'));
    await ax.find('dialog', 'Fix grammar');
    await ax.find('button', 'Retry', 10_000);
    expect(userMessage(chatRequests(server)[0]!)).toContain('<selection>\nMe and him goes\n</selection>');
    await ax.click(await ax.find('button', 'Replace'));
    await ax.find('button', 'Replaced');
    expect(await page.locator('#notes').inputValue()).toBe('He and I go to school, said the note.');
    expect(JSON.stringify(server.requests)).not.toContain('hunter2');
    // The browser's undo brings the selection back.
    await page.locator('#notes').focus();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => page.locator('#notes').inputValue()).toBe('Me and him goes to school, said the note.');
    await page.close();
  });

  it('in an editable region, Rewrite offers Replace, which replaces the selected words only', async () => {
    server.enqueue({ kind: 'text', text: 'the meeting has moved' });
    const { page, ax } = await open('/article');
    const paragraph = page.locator('#editor p');
    await paragraph.click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 'Hi all, '.length; i += 1) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 'the meeting are moved'.length; i += 1) await page.keyboard.press('Shift+ArrowRight');
    await ax.click(await ax.find('button', 'Rewrite'));
    await ax.find('dialog', 'Rewrite');
    await ax.find('button', 'Retry', 10_000);
    expect(userMessage(chatRequests(server)[0]!)).toContain('<selection>\nthe meeting are moved\n</selection>');
    await ax.click(await ax.find('button', 'Replace'));
    await ax.find('button', 'Replaced');
    expect(await paragraph.textContent()).toBe('Hi all, the meeting has moved to noon.');
    await page.close();
  });
});

describe('actions made in settings', () => {
  const actionList = (page: Page) => page.getByRole('region', { name: 'Actions' }).getByRole('list', { name: 'Actions' });

  it('a new action shows in the toolbar of a page already open and sends its filled template; the ledger files it by name', async () => {
    // The page is open (its toolbar already loaded) before the action exists.
    const { page, ax } = await open('/article');
    await dragSelect(page, page.locator('#second'));
    await ax.find('button', 'Explain');
    await page.keyboard.press('Escape');

    const options = await glance.openPage('options.html#actions');
    const section = options.getByRole('region', { name: 'Actions' });
    await section.getByRole('button', { name: 'Add action' }).click();
    await section.getByRole('textbox', { name: 'Action name' }).fill('Pirate');
    await section
      .getByRole('textbox', { name: 'Prompt' })
      .fill('Say it like a pirate, in {{language}}: {{selection}} (seen on {{url}})');
    // The live preview: the prompt from a sample selection, its tokens and their cost.
    const preview = section.getByRole('region', { name: 'Preview with a sample selection' });
    await expect.poll(() => preview.textContent()).toMatch(/Say it like a pirate, in English: <selection>/);
    await expect.poll(() => preview.textContent()).toMatch(/\d+ tokens sent · \$/);
    await section.getByRole('button', { name: 'Save action' }).click();
    await expect.poll(() => actionList(options).getByRole('listitem').count()).toBe(6);
    for (let i = 0; i < 5; i += 1) await section.getByRole('button', { name: 'Move up: Pirate' }).click();
    await expect.poll(() => actionList(options).getByRole('listitem').first().textContent()).toContain('Pirate');
    // Glance's context menu for selected text has an item for it (updating a missing item fails).
    const worker = await glance.worker();
    const hasMenuItem = (id: string) =>
      worker.evaluate(
        (menuId) =>
          new Promise<boolean>((resolve) => chrome.contextMenus.update(menuId, {}, () => resolve(!chrome.runtime.lastError))),
        id,
      );
    await expect.poll(() => hasMenuItem('glance-action:explain'), { timeout: 5000 }).toBe(true);
    const pirateId = await options.evaluate(async () => {
      const stored = (await chrome.storage.local.get('actions')) as { actions: { id: string; name: string }[] };
      return stored.actions.find((action) => action.name === 'Pirate')!.id;
    });
    await expect.poll(() => hasMenuItem(`glance-action:${pirateId}`), { timeout: 5000 }).toBe(true);

    server.enqueue({ kind: 'text', text: 'Arr, the plants be eatin’ sunlight.' });
    await page.bringToFront();
    await dragSelect(page, page.locator('#first'));
    await ax.click(await ax.find('button', 'Pirate'));
    const dialog = await ax.find('dialog', 'Pirate');
    await expect.poll(() => ax.text(dialog), { timeout: 10_000 }).toContain('Arr, the plants');
    const [request] = chatRequests(server);
    expect(userMessage(request!)).toBe(
      `Say it like a pirate, in English: <selection>\n${FIRST}\n</selection> (seen on <url>\n${pages.url}/article\n</url>)`,
    );
    expect(server.validationErrors).toEqual([]);
    await page.close();

    const usage = await glance.openPage('options.html#usage');
    const rows = usage.getByRole('table', { name: 'Recent calls' }).locator('tbody tr');
    await expect.poll(() => rows.first().locator('td').nth(1).textContent()).toBe('Pirate');
    await usage.close();
    await options.close();
  });

  it('exports the list, and refuses a bad import whole with the reason, changing nothing', async () => {
    const options = await glance.openPage('options.html#actions');
    const section = options.getByRole('region', { name: 'Actions' });
    await actionList(options).waitFor();
    const before = await actionList(options).getByRole('listitem').allTextContents();
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      section.getByRole('button', { name: 'Export actions' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { actions: { name: string }[] };
    expect(exported.actions.length).toBe(before.length);

    const file = path.join(tmpdir(), `glance-actions-${Date.now()}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        actions: [
          { name: 'Good', prompt: 'Fine {{selection}}' },
          { name: 'Bad', prompt: '' },
        ],
      }),
    );
    const [chooser] = await Promise.all([
      options.waitForEvent('filechooser'),
      section.getByRole('button', { name: 'Import actions' }).click(),
    ]);
    await chooser.setFiles(file);
    await expect
      .poll(() => section.getByRole('alert').textContent())
      .toBe('This file was not imported: action 2: a prompt is needed. Nothing was changed.');
    expect(await actionList(options).getByRole('listitem').allTextContents()).toEqual(before);
    await options.close();
  });
});
