import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { answers, conversation, openChat, sendMessage } from './chat-helpers';
import { closeAll, fillConnection } from './configure';
import { type Glance, launchGlance, tabIdOf } from './harness';
import { startPageServer, type PageServer } from './page-server';

let server: FakeServer;
let pages: PageServer;
let glance: Glance;

const PAGE = `<!doctype html><html lang="en"><head><title>Otters</title></head><body>
<p id="picked">Sea otters crack clams open with stones.</p><p>Other text.</p></body></html>`;

/** Saves the connection on the settings page the way a person does, with this key. */
async function saveConnection(apiKey: string): Promise<void> {
  const page = await glance.openPage('options.html');
  await fillConnection(page, { baseURL: server.baseURL, apiKey });
  await page.getByRole('button', { name: 'Save' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /^Saved\.$/ })
    .waitFor();
  await page.close();
}

/** Opens the test page in a tab with its paragraph selected; returns the tab id. */
async function openSelectedPage(): Promise<number> {
  const page = await glance.context.newPage();
  await page.goto(`${pages.url}/otters.html`);
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('picked')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  return tabIdOf(glance, `${pages.url}/otters.html`);
}

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });
const chatBodies = () =>
  server.requests
    .filter((request) => request.path === '/v1/chat/completions')
    .map((request) => request.body as { messages: { role: string; content: string }[] });
const lastUserText = () => chatBodies().at(-1)?.messages.at(-1)?.content ?? '';

beforeAll(async () => {
  server = await startFakeServer();
  pages = await startPageServer({ '/otters.html': { html: PAGE } });
  glance = await launchGlance();
});
afterAll(() => closeAll(glance, pages, server));
beforeEach(() => server.reset());

it('offers Resend on a question that failed for a wrong key once the key is fixed, and answers it without retyping', async () => {
  await saveConnection('sk-wrong-key-000000000000000000');
  const popup = await openChat(glance);
  await sendMessage(popup, 'What do otters eat?');
  const notice = answers(popup).last().getByRole('alert');
  await notice.waitFor({ timeout: 15_000 });
  expect(await notice.getAttribute('data-code')).toBe('invalid_key');
  expect(await notice.getByRole('button', { name: 'Resend' }).count()).toBe(0);
  // The question stays in the conversation.
  expect(await conversation(popup).getByRole('article', { name: 'You' }).textContent()).toBe('What do otters eat?');

  server.enqueue({ kind: 'text', text: 'Clams and sea urchins.' });
  await saveConnection(server.apiKey);
  await notice.getByRole('button', { name: 'Resend' }).click();
  await eventually(() => answers(popup).last().textContent()).toContain('Clams and sea urchins.');
  expect(lastUserText()).toBe('What do otters eat?');
  expect(await popup.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('');
  await popup.close();
});

it('starts an empty chat from a starter: Explain sends the selection as quoted page data, Translate a selection translates it', async () => {
  const tabId = await openSelectedPage();
  const popup = await glance.openPage(`popup.html?tabId=${tabId}&view=chat`);
  await popup.getByRole('button', { name: 'New chat' }).click();
  const starters = popup.getByRole('group', { name: 'Start with' });
  expect(await starters.getByRole('button').allTextContents()).toEqual([
    'Summarize this page',
    'Translate a selection',
    'Explain',
  ]);

  server.enqueue({ kind: 'text', text: 'Otters use stones as tools.' });
  await starters.getByRole('button', { name: 'Explain' }).click();
  await eventually(() => answers(popup).last().textContent()).toContain('Otters use stones as tools.');
  expect(lastUserText()).toContain('<selection>\nSea otters crack clams open with stones.\n</selection>');
  expect(lastUserText()).toMatch(/^Explain the following text/);

  await popup.getByRole('button', { name: 'New chat' }).click();
  server.enqueue({ kind: 'text', text: '海獭用石头砸开蛤蜊。' });
  await starters.getByRole('button', { name: 'Translate a selection' }).click();
  const box = popup.getByRole('textbox', { name: 'Text to translate' });
  await eventually(() => box.inputValue()).toBe('Sea otters crack clams open with stones.');
  await eventually(() => popup.getByRole('region', { name: 'Translation' }).textContent()).toContain('海獭用石头砸开蛤蜊。');
  await popup.close();
});

it('says to select text first when the page has no selection', async () => {
  const tabId = await openSelectedPage();
  const tab = glance.context.pages().find((page) => page.url().endsWith('/otters.html'))!;
  await tab.evaluate(() => getSelection()!.removeAllRanges());
  const popup: Page = await glance.openPage(`popup.html?tabId=${tabId}&view=chat`);
  await popup.getByRole('button', { name: 'New chat' }).click();
  await popup.getByRole('group', { name: 'Start with' }).getByRole('button', { name: 'Explain' }).click();
  await popup.getByText('Select some text on the page first, then press this again.').waitFor();
  expect(chatBodies()).toHaveLength(0);
  await popup.close();
});

it('sends a message typed and entered while the conversation is still loading', async () => {
  // The worker busy for a moment: the popup shows its composer, but the conversation it asked
  // the worker for has not come yet (as on a slow first open).
  const worker = await glance.worker();
  const busy = worker.evaluate(() => {
    const end = Date.now() + 2_500;
    while (Date.now() < end) {}
  });
  const popup = await glance.openPage('popup.html');
  const box = popup.getByRole('textbox', { name: 'Message' });
  await box.fill('Quick question');
  expect(await popup.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
  await box.press('Enter');
  await busy;
  await eventually(() => lastUserText()).toBe('Quick question');
  await eventually(() => box.inputValue()).toBe('');
  await popup.close();
});
