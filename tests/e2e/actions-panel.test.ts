import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeServer } from '@/tests/fake-server';
import { Ax } from './ax';
import { closeAll, startConfiguredGlance } from './configure';
import type { Glance } from './harness';
import { startPageServer, type PageServer } from './page-server';
import { chatRequests, dragSelect, toolbarButton, userMessage } from './translate-helpers';

const FIRST = 'Photosynthesis turns light, water and carbon dioxide into sugar and oxygen inside the leaves of plants.';
const SECOND = 'Roots take up water and minerals from the soil around them.';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Plants at work</title></head><body style="margin:40px">
<h1>Reading</h1><p id="first">${FIRST}</p><p id="second">${SECOND}</p></body></html>`;

let server: FakeServer;
let pages: PageServer;
let glance: Glance;

beforeAll(async () => {
  ({ server, glance } = await startConfiguredGlance());
  pages = await startPageServer({ '/article': { html: ARTICLE } });
});
afterAll(() => closeAll(glance, pages, server));
beforeEach(() => server.reset());

/** A custom action made in settings, its answer in the side panel, moved up into the toolbar itself. */
async function makePanelAction(): Promise<void> {
  const options = await glance.openPage('options.html#actions');
  const section = options.getByRole('region', { name: 'Actions' });
  await section.getByRole('button', { name: 'Add action' }).click();
  await section.getByRole('textbox', { name: 'Action name' }).fill('Pirate');
  await section.getByRole('textbox', { name: 'Prompt' }).fill('Say it like a pirate: {{selection}} (from {{page_title}})');
  const answerIn = section.getByRole('combobox', { name: 'Answer in' });
  expect(await answerIn.inputValue()).toBe('card');
  await answerIn.selectOption({ label: 'Side panel' });
  await section.getByRole('button', { name: 'Save action' }).click();
  const list = section.getByRole('list', { name: 'Actions' });
  await expect.poll(() => list.getByRole('listitem').count()).toBe(6);
  for (let i = 0; i < 5; i += 1) await section.getByRole('button', { name: 'Move up: Pirate' }).click();
  await expect.poll(() => list.getByRole('listitem').first().textContent()).toContain('Pirate');
  const stored = await options.evaluate(async () => {
    const { actions } = (await chrome.storage.local.get('actions')) as { actions: { name: string; answerIn: string }[] };
    return actions.find((action) => action.name === 'Pirate')?.answerIn;
  });
  expect(stored).toBe('panel');
  await options.close();
}

async function openTab(): Promise<{ page: Page; ax: Ax; tabId: number }> {
  const page = await glance.context.newPage();
  const url = `${pages.url}/article?${Math.random().toString(36).slice(2)}`;
  await page.goto(url);
  const worker = await glance.worker();
  const tabId = await worker.evaluate(async (address) => (await chrome.tabs.query({ url: address }))[0]!.id!, url);
  return { page, ax: await Ax.of(page), tabId };
}

const panelPages = (tabId: number) => glance.context.pages().filter((p) => p.url().endsWith(`/sidepanel.html?tabId=${tabId}`));

/** Selects a paragraph and clicks Pirate on the toolbar, as a person would. */
async function runPirate(page: Page, ax: Ax, paragraph: string): Promise<void> {
  await page.bringToFront();
  await dragSelect(page, page.locator(paragraph));
  await ax.click(await toolbarButton(ax, 'Pirate'));
}

// The tests run in order: the first makes the action in settings, the next use it.
/** The page's text, without waiting long for it (a poll retries). */
const textOf = (locator: Locator) => locator.textContent({ timeout: 500 }).catch(() => null);

/** Keeps Chrome's own side panel shut for a tab, as where the browser refuses to open it. */
async function refusePanel(tabId: number): Promise<void> {
  const worker = await glance.worker();
  await worker.evaluate((id) => chrome.sidePanel.setOptions({ tabId: id, enabled: false }), tabId);
}

// The tests run in order: the first makes the action in settings, the next use it.
describe('an action that answers in the side panel', () => {
  it('is made in settings with "Answer in: Side panel"', async () => {
    await makePanelAction();
  });

  it("opens Chrome's side panel for the tab from the toolbar's click, which sends the filled template once", async () => {
    server.enqueue({ kind: 'text', text: 'Arr, the plants be eatin’ sunlight.' });
    const { page, ax, tabId } = await openTab();
    await runPirate(page, ax, '#first');
    // Chrome's real panel cannot be read by a test: the worker lists it, the fake server sees its request.
    const worker = await glance.worker();
    const sidePanels = () =>
      worker.evaluate(async () =>
        (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.SIDE_PANEL] })).map(
          (context) => context.documentUrl ?? '',
        ),
      );
    await expect.poll(sidePanels, { timeout: 8000 }).toEqual([expect.stringMatching(/\/sidepanel\.html(\?tabId=\d+)?$/)]);
    await expect.poll(() => chatRequests(server).length, { timeout: 10_000 }).toBe(1);
    expect(userMessage(chatRequests(server)[0]!)).toBe(
      `Say it like a pirate: <selection>\n${FIRST}\n</selection> (from <page_title>\nPlants at work\n</page_title>)`,
    );
    // No card on the page, and no window instead of the panel.
    expect(await ax.all('dialog', 'Pirate')).toHaveLength(0);
    expect(panelPages(tabId)).toHaveLength(0);
    // Shut it again: a panel left open follows the active tab and would take the next tests' requests.
    await worker.evaluate(async () => {
      await chrome.sidePanel.setOptions({ enabled: false });
      await chrome.sidePanel.setOptions({ enabled: true });
    });
    await expect.poll(sidePanels, { timeout: 5000 }).toEqual([]);
    await page.close();
  });

  it('where the panel will not open, shows the panel page bound to the tab in a window, streams the answer there, once', async () => {
    server.enqueue({ kind: 'text', text: 'Arr, the **plants** be eatin’ sunlight.', chunkChars: 5, chunkIntervalMs: 30 });
    const { page, ax, tabId } = await openTab();
    await refusePanel(tabId);
    await runPirate(page, ax, '#first');

    await expect.poll(() => panelPages(tabId).length, { timeout: 8000 }).toBe(1);
    const panel = panelPages(tabId)[0]!;
    const answer = panel.getByRole('region', { name: 'Pirate' });
    await expect.poll(() => textOf(answer), { timeout: 10_000 }).toContain('Arr, the plants be eatin’ sunlight.');
    // The user's turn is named after the action and shows the selection; the cost is shown before and after.
    expect(await textOf(answer.getByRole('article', { name: 'You' }))).toBe(`Pirate — on your selection${FIRST}`);
    expect(await textOf(answer)).toMatch(/[\d,]+ tokens sent · \$[\d.]+ before the answer/);
    await answer.getByLabel('Usage of this answer').waitFor({ timeout: 10_000 });

    const requests = chatRequests(server);
    expect(requests).toHaveLength(1);
    expect(userMessage(requests[0]!)).toBe(
      `Say it like a pirate: <selection>\n${FIRST}\n</selection> (from <page_title>\nPlants at work\n</page_title>)`,
    );
    expect(server.validationErrors).toEqual([]);
    expect(await ax.all('dialog', 'Pirate')).toHaveLength(0);

    // Used once: the panel opened again for the tab does not send it again.
    await panel.reload();
    await panel.getByRole('status').first().waitFor();
    await panel.waitForTimeout(1500);
    expect(await panel.getByRole('region', { name: 'Pirate' }).count()).toBe(0);
    expect(chatRequests(server)).toHaveLength(1);
    await panel.close();

    // The ledger files the call under the action's name.
    const usage = await glance.openPage('options.html#usage');
    const rows = usage.getByRole('table', { name: 'Recent calls' }).locator('tbody tr');
    await expect.poll(() => textOf(rows.first().locator('td').nth(1))).toBe('Pirate');
    await usage.close();
    await page.close();
  });

  it('goes to the panel page already open for the tab, and never to the panel of another tab', async () => {
    const { page, ax, tabId } = await openTab();
    const other = await openTab();
    await refusePanel(tabId);
    const mine = await glance.openPage(`sidepanel.html?tabId=${tabId}`);
    const theirs = await glance.openPage(`sidepanel.html?tabId=${other.tabId}`);
    await mine.getByRole('status').first().waitFor();
    await theirs.getByRole('status').first().waitFor();

    server.enqueue({ kind: 'text', text: 'Roots be thirsty, matey.' });
    await runPirate(page, ax, '#second');
    const answer = mine.getByRole('region', { name: 'Pirate' });
    await expect.poll(() => textOf(answer), { timeout: 10_000 }).toContain('Roots be thirsty, matey.');
    expect(userMessage(chatRequests(server)[0]!)).toContain(`<selection>\n${SECOND}\n</selection>`);
    // The open page took it: no second window for the tab, nothing in the other tab's panel.
    expect(panelPages(tabId)).toHaveLength(1);
    expect(await theirs.getByRole('region', { name: 'Pirate' }).count()).toBe(0);
    expect(chatRequests(server)).toHaveLength(1);
    await closeAll(mine, theirs, other.page, page);
  });

  it("runs from Glance's context menu too: a panel action's answer goes to the tab's panel page, a card action's to its card", async () => {
    const { page, ax, tabId } = await openTab();
    await refusePanel(tabId);
    await dragSelect(page, page.locator('#first'));
    await ax.find('button', 'Pirate');
    // Playwright cannot click Chrome's context menu: the worker fires the menu's click event itself,
    // as Chrome does (nothing new is exposed to pages for it).
    const worker = await glance.worker();
    const clickMenu = (action: string) =>
      worker.evaluate(
        async ({ name, id, text }) => {
          const { actions } = (await chrome.storage.local.get('actions')) as { actions: { id: string; name: string }[] };
          const actionId = name === 'Explain' ? 'explain' : actions.find((candidate) => candidate.name === name)!.id;
          const tab = await chrome.tabs.get(id);
          const info = { menuItemId: `glance-action:${actionId}`, frameId: 0, selectionText: text, editable: false };
          (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, tab);
        },
        { name: action, id: tabId, text: FIRST },
      );

    server.enqueue({ kind: 'text', text: 'Arr, from the menu.' });
    await clickMenu('Pirate');
    await expect.poll(() => panelPages(tabId).length, { timeout: 8000 }).toBe(1);
    const answer = panelPages(tabId)[0]!.getByRole('region', { name: 'Pirate' });
    await expect.poll(() => textOf(answer), { timeout: 10_000 }).toContain('Arr, from the menu.');
    expect(userMessage(chatRequests(server)[0]!)).toBe(
      `Say it like a pirate: <selection>\n${FIRST}\n</selection> (from <page_title>\nPlants at work\n</page_title>)`,
    );
    expect(await ax.all('dialog', 'Pirate')).toHaveLength(0);

    server.enqueue({ kind: 'text', text: 'Plants make food.' });
    await page.bringToFront();
    await dragSelect(page, page.locator('#first'));
    await clickMenu('Explain');
    const card = await ax.find('dialog', 'Explain', 10_000);
    await expect.poll(() => ax.text(card), { timeout: 10_000 }).toContain('Plants make food.');
    expect(panelPages(tabId)).toHaveLength(1);
    await closeAll(panelPages(tabId)[0], page);
  });
});
