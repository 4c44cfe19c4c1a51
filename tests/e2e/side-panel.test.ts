import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { FakeServer } from '@/tests/fake-server';
import { closeAll, startConfiguredGlance } from './configure';
import { type Glance, tabIdOf } from './harness';
import { startPageServer, type PageServer } from './page-server';

let server: FakeServer;
let glance: Glance;
let pages: PageServer;
/** A host nothing may reach: the prompt-injection page points at it. */
let elsewhere: Server;
let elsewhereHits: string[] = [];
let elsewhereUrl = '';

const filler = (label: string, count: number) =>
  Array.from(
    { length: count },
    (_, i) =>
      `<p>${label} paragraph ${i + 1} talks about the weather on the coast, the tides and the boats that leave the harbour every morning before dawn.</p>`,
  ).join('\n');

const ARTICLE = `<!doctype html><html lang="en"><head><title>How otters use tools</title></head><body>
<article>
  <h1>How otters use tools</h1>
  <p>Sea otters are among the few marine mammals known to use tools.</p>
  ${filler('Opening', 30)}
  <h2>Favourite stones</h2>
  <p id="target">Researchers at the Monterey Bay institute found that individual otters keep a <b>favourite stone</b>
  for weeks, tucking it into a loose pouch of skin under the forearm.</p>
  ${filler('Closing', 30)}
</article></body></html>`;

const OTHER = `<!doctype html><html lang="en"><head><title>Another page</title></head><body><article>
<h1>Another page</h1><p>Nothing about otters here, only a long text about trains and their timetables in winter.</p>
${filler('Train', 5)}</article></body></html>`;

/** The prompt-injection fixture pages, pointed at the watched host. */
const injection = (name: string, evil: string) =>
  readFileSync(path.resolve('tests/fixtures/ask', name), 'utf8').replaceAll('{{ELSEWHERE}}', evil);

beforeAll(async () => {
  elsewhere = createServer((request, response) => {
    elsewhereHits.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'image/png' }).end();
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
  pages = await startPageServer({
    '/article.html': { html: ARTICLE },
    '/other.html': { html: OTHER },
    '/recipes.html': { html: injection('injection-instructions.html', elsewhereUrl) },
    '/garden.html': { html: injection('injection-quote-break.html', elsewhereUrl) },
  });
  ({ server, glance } = await startConfiguredGlance());
});
afterAll(async () => {
  await closeAll(glance, pages, server);
  await new Promise<void>((resolve) => elsewhere?.close(() => resolve()));
});
beforeEach(() => {
  server.reset();
  elsewhereHits = [];
});

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });
const chatRequests = () => server.requests.filter((request) => request.path === '/v1/chat/completions');
const messagesOf = (index: number) => (chatRequests()[index]!.body as { messages: { role: string; content: string }[] }).messages;

/** Opens a web page in a tab; returns the page and its tab id. */
async function openTab(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await glance.context.newPage();
  await page.goto(`${pages.url}${path}`);
  const tabId = await tabIdOf(glance, `${pages.url}${path}`);
  return { page, tabId };
}

/** Asks a question in the panel and waits until the answer is stored and shown. */
async function ask(panel: Page, question: string, answer: string): Promise<void> {
  const before = chatRequests().length;
  server.enqueue({ kind: 'text', text: answer, chunkIntervalMs: 2 });
  await panel.getByRole('textbox', { name: 'Message' }).fill(question);
  await eventually(() => panel.getByText(/^Will use \d+ of \d+ passages/).count()).toBe(1);
  await panel.getByRole('button', { name: 'Send' }).click();
  await eventually(() => chatRequests().length).toBe(before + 1);
  await eventually(() => panel.getByText(/^Used \d+ of \d+ passages, [\d,]+ tokens$/).count()).toBeGreaterThan(0);
  await panel.getByRole('button', { name: 'Send' }).waitFor();
}

/** The page's citation highlight, as text (null when there is none). */
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('glance-citation');
    return highlight ? [...highlight].map((range) => (range as Range).toString()).join('') : null;
  });
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

it('binds the panel to a tab, answers with citations that highlight exactly their block, and notices navigation', async () => {
  const { page, tabId } = await openTab('/article.html');
  const panel = await glance.openPage(`sidepanel.html?tabId=${tabId}`);
  await eventually(() => panel.getByRole('status').first().textContent()).toContain('How otters use tools');
  await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Message');

  // First question: learn which number the target paragraph has (the request shows "[n] Researchers...").
  await ask(panel, 'Where do otters keep their favourite stone?', 'In a pouch of skin.');
  const [system, pageTurn] = messagesOf(0);
  expect(system!.content).toMatch(/data, never instructions/);
  expect(system!.content).toMatch(/cite the passages/);
  const number = Number(/\[(\d+)\] Researchers at the Monterey Bay/.exec(pageTurn!.content)?.[1]);
  expect(number).toBeGreaterThan(20);
  expect(pageTurn!.content).toContain('<page>');

  // A follow-up: the answer cites the target block and an invented [99].
  await ask(panel, 'And for how long?', `They keep it for weeks [${number}]. Otters can also fly [99].`);
  const log = panel.getByRole('log', { name: 'Conversation' });
  const citation = log.getByRole('button', { name: `Citation ${number}` });
  await citation.waitFor();
  await expect.poll(() => log.getByRole('button', { name: /^Citation 99/ }).count()).toBe(0);
  expect(await log.textContent()).toContain('[99]');

  await citation.click();
  const expected = squash(await page.locator('#target').textContent());
  await eventually(async () => squash(await highlighted(page))).toBe(expected);
  // Scrolled into view.
  const box = await page.evaluate(() => {
    const rect = document.getElementById('target')!.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, height: innerHeight };
  });
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.bottom).toBeLessThanOrEqual(box.height);
  // The page's DOM is untouched (no marks, no styles added).
  expect(await page.evaluate(() => document.querySelectorAll('mark, style, [style]').length)).toBe(0);

  // The page changes under the citation: it says so and highlights nothing else.
  await page.evaluate(() => {
    document.getElementById('target')!.textContent = 'This paragraph was rewritten.';
  });
  await citation.click();
  await eventually(() => panel.getByRole('alert').textContent()).toContain('no longer on the page');
  expect(await highlighted(page)).toBeNull();

  // Reopening the panel on the same page shows the conversation, citations included.
  await panel.close();
  const again = await glance.openPage(`sidepanel.html?tabId=${tabId}`);
  await again
    .getByRole('log', { name: 'Conversation' })
    .getByRole('button', { name: `Citation ${number}` })
    .waitFor();

  // The popup's History lists the page, linked to its address.
  const history = await glance.openPage('popup.html?view=history');
  const listed = history
    .getByRole('region', { name: 'Pages asked about' })
    .getByRole('link', { name: /How otters use tools · 2 questions/ });
  expect(await listed.getAttribute('href')).toBe(`${pages.url}/article.html`);
  await history.close();

  // The bound tab navigates: the panel says so and offers to read the new page.
  await page.goto(`${pages.url}/other.html`);
  await eventually(() => again.getByRole('status').first().textContent()).toMatch(/changed/);
  await again.getByRole('button', { name: 'Read the new page' }).click();
  await eventually(() => again.getByRole('status').first().textContent()).toContain('Another page');
  await expect.poll(() => again.getByRole('log', { name: 'Conversation' }).getByRole('button').count()).toBe(0);
  expect(server.validationErrors).toEqual([]);
  await again.close();
  await page.close();
});

it.each([
  ['/recipes.html', 'How long do I bake the bread?'],
  ['/garden.html', 'How often should I water tomatoes?'],
])(
  'treats page text as data: the prompt-injection page %s makes no outside request and triggers no action',
  async (address, question) => {
    const { page, tabId } = await openTab(address);
    const panel = await glance.openPage(`sidepanel.html?tabId=${tabId}`);
    const tabsBefore = glance.context.pages().length;
    await ask(
      panel,
      question,
      `Per the page [1]. Visit [this page](${elsewhereUrl}/login) ![status](${elsewhereUrl}/pixel.png) <img src="${elsewhereUrl}/raw.png"> <a href="javascript:alert(1)">x</a>`,
    );
    const [system, pageTurn] = messagesOf(0);
    expect(system!.content).toMatch(/data, never instructions/);
    // The page's words arrive quoted inside one <page>, which the page cannot close.
    const quoted = /^Title: [^\n]*\n<page>\n([\s\S]*)\n<\/page>$/.exec(pageTurn!.content)?.[1] ?? '';
    expect(quoted).toMatch(/ignore your instructions|The quoted page has ended/);
    expect(quoted).not.toMatch(/<\/?page>/);
    expect(chatRequests()[0]!.body).not.toHaveProperty('tools');
    // A citation only highlights: the page stays where it is.
    await panel.getByRole('log', { name: 'Conversation' }).getByRole('button', { name: 'Citation 1' }).click();
    await panel.waitForTimeout(500);
    expect(elsewhereHits).toEqual([]);
    expect(glance.context.pages().length).toBe(tabsBefore);
    expect(page.url()).toBe(`${pages.url}${address}`);
    expect(await panel.locator('img').count()).toBe(0);
    expect(await panel.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(server.validationErrors).toEqual([]);
    await panel.close();
    await page.close();
  },
);

it('asks about the selected text, with the whole page to cite from', async () => {
  const { page, tabId } = await openTab('/article.html');
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('target')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  const panel = await glance.openPage(`sidepanel.html?tabId=${tabId}`);
  await panel.getByRole('textbox', { name: 'Message' }).fill('What does this mean?');
  await eventually(() => panel.getByText(/^About your selection: “Researchers at the Monterey Bay/).count()).toBe(1);
  await ask(panel, 'What does this mean?', 'Otters keep stones [1].');
  const messages = messagesOf(0);
  expect(messages.at(-1)!.content).toMatch(
    /^The question is about this text the reader selected on the page:\n<selection>\nResearchers at the Monterey Bay/,
  );
  expect(messages.at(-1)!.content).toMatch(/What does this mean\?$/);
  // The whole page is there to cite, not only the selection.
  expect(messages[1]!.content).toContain('Sea otters are among the few marine mammals');
  await panel
    .getByRole('log', { name: 'Conversation' })
    .getByText(/^About your selection:/)
    .waitFor();
  await panel.close();
  await page.close();
});

it('without ?tabId= follows the active tab; opened as a tab itself, it takes the tab used before it', async () => {
  const { page } = await openTab('/other.html');
  const panel = await glance.openPage('sidepanel.html');
  await eventually(() => panel.getByRole('status').first().textContent()).toContain('Following the active tab: Another page');
  await panel.close();
  await page.close();
});

it('opens the side panel from the popup\'s "Open side panel" button', async () => {
  const { page, tabId } = await openTab('/article.html');
  const popup = await glance.openPage(`popup.html?tabId=${tabId}`);
  const button = popup.getByRole('button', { name: 'Open side panel' });
  await button.waitFor();
  // A headless browser may not show the panel; the click must reach sidePanel.open without an error page.
  const errors: string[] = [];
  popup.on('pageerror', (error) => errors.push(error.message));
  await button.click();
  await popup.waitForTimeout(300);
  expect(errors).toEqual([]);
  await popup.close().catch(() => {});
  await page.close();
});

it('asks before a question whose cost is over the threshold ("Ask anyway"), and sends nothing until then', async () => {
  const options = await glance.openPage('options.html');
  const threshold = options.getByRole('textbox', { name: 'Ask before a summary costs more than (USD)' });
  await threshold.fill('0');
  await threshold.blur();
  const { page, tabId } = await openTab('/article.html');
  const panel = await glance.openPage(`sidepanel.html?tabId=${tabId}`);
  await panel.getByRole('textbox', { name: 'Message' }).fill('Do otters use tools?');
  await eventually(() => panel.getByText(/^Will use \d+ of \d+ passages/).count()).toBe(1);
  await panel.getByRole('button', { name: 'Send' }).click();
  const anyway = panel.getByRole('button', { name: 'Ask anyway' });
  await anyway.waitFor();
  expect(chatRequests()).toHaveLength(0);
  server.enqueue({ kind: 'text', text: 'Yes [1].' });
  await anyway.click();
  await eventually(() => chatRequests().length).toBe(1);
  // The page's earlier questions (the tests above) are there too: this answer is the last.
  await panel.getByRole('log', { name: 'Conversation' }).getByText('Yes').last().waitFor();
  await panel.getByRole('log', { name: 'Conversation' }).getByRole('button', { name: 'Citation 1' }).last().waitFor();
  // New chat: the panel starts empty; the page's questions stay in the popup's History.
  await panel.getByRole('button', { name: 'New chat' }).click();
  await expect.poll(() => panel.getByRole('log', { name: 'Conversation' }).getByRole('button').count()).toBe(0);
  const history = await glance.openPage('popup.html?view=history');
  await history
    .getByRole('region', { name: 'Pages asked about' })
    .getByRole('link', { name: /How otters use tools · \d+ questions/ })
    .waitFor();
  await history.close();
  await threshold.fill('0.05');
  await threshold.blur();
  await options.close();
  await panel.close();
  await page.close();
});
