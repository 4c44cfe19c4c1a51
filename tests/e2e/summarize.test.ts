import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { configureGlance } from './configure';
import { type Glance, launchGlance, tabIdOf } from './harness';
import { startPageServer, type PageServer } from './page-server';

let server: FakeServer;
let pages: PageServer;
let glance: Glance;

const ARTICLE = `<!doctype html><html lang="en"><head><title>How otters use tools</title></head><body>
<nav><a href="/">Home</a> · <a href="/news">News</a> · <a href="/about">About us</a></nav>
<article>
  <h1>How otters use tools</h1>
  <p class="byline">By Ada Marsh</p>
  <p>Sea otters are among the few marine mammals known to use tools. Floating on their backs, they
  balance a flat stone on their chests and crack open clams, mussels and sea urchins against it.</p>
  <p>Researchers at the <a href="https://example.org/institute">Monterey Bay institute</a> found that
  individual otters keep a favourite stone for weeks, tucking it into a loose pouch of skin under the
  forearm while they dive.</p>
  <h2>Why it matters</h2>
  <p>Tool use lets otters eat hard-shelled prey that would otherwise be out of reach, which in turn keeps
  urchin populations in check and protects kelp forests along the Pacific coast.</p>
  <ul><li>Stones are reused for weeks.</li><li>Young otters learn by watching their mothers.</li></ul>
</article>
<footer>© 2025 Ocean News. Subscribe to our newsletter.</footer>
</body></html>`;

/** A page of `sections` sections, each about 250 tokens, for the map-reduce test. */
function longPage(sections: number): string {
  const body = Array.from({ length: sections }, (_, index) => {
    const sentences = Array.from(
      { length: 14 },
      (_, n) =>
        `Section ${index + 1} sentence ${n + 1} describes how the harbour district changed during year ${1900 + index * 10 + n}.`,
    ).join(' ');
    return `<h2>Chapter ${index + 1}</h2><p>${sentences}</p>`;
  }).join('\n');
  return `<!doctype html><html lang="en"><head><title>A long history of the harbour</title></head><body><article><h1>A long history of the harbour</h1>${body}</article></body></html>`;
}

beforeAll(async () => {
  server = await startFakeServer();
  pages = await startPageServer({
    '/article.html': { html: ARTICLE },
    '/long.html': { html: longPage(6) },
    '/empty.html': { html: '<!doctype html><html><head><title>Nothing</title></head><body></body></html>' },
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

/** Opens a web page in a tab and returns its tab id (as the popup's `?tabId=` takes it). */
async function openTab(path: string): Promise<number> {
  const page = await glance.context.newPage();
  await page.goto(`${pages.url}${path}`);
  return tabIdOf(glance, `${pages.url}${path}`);
}

/** Polls patiently: on a loaded machine the first read of a page also loads the tokenizer. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });
const chatRequests = () => server.requests.filter((request) => request.path === '/v1/chat/completions');
const messagesOf = (index: number) => (chatRequests()[index]!.body as { messages: { role: string; content: string }[] }).messages;
/** A setting as stored (the settings page saves each valid value as it is typed). */
async function storedSetting(key: string): Promise<unknown> {
  const worker = await glance.worker();
  return worker.evaluate(async (name) => {
    const { settings } = await chrome.storage.local.get('settings');
    return (settings as Record<string, unknown> | undefined)?.[name];
  }, key);
}
const summaryText = (popup: Page) => popup.getByRole('region', { name: 'Summary' }).textContent();

it('summarizes a 127.0.0.1 article through the popup (?tabId=), then shows it from the cache at no cost', async () => {
  const tabId = await openTab('/article.html');
  server.enqueue({
    kind: 'text',
    text: '**TL;DR:** Sea otters crack shellfish with stones.\n\n- They keep a favourite stone for weeks.\n- This protects kelp forests.',
    chunkIntervalMs: 5,
  });

  const popup = await glance.openPage(`popup.html?tabId=${tabId}`);
  // What was read and what it will cost is shown before anything is spent.
  await eventually(() => popup.locator('main').textContent()).toMatch(
    /Article · \d+ tokensEstimated: \d+ tokens in, \d+ out · ≈\$0\.000\d+/,
  );
  expect(chatRequests()).toHaveLength(0);
  await popup.getByRole('button', { name: 'Summarize page' }).click();
  await eventually(() => summaryText(popup)).toContain('This protects kelp forests.');
  await popup.getByRole('button', { name: 'Regenerate' }).waitFor();
  await eventually(() => popup.getByLabel('Usage of this answer').textContent()).toMatch(/tokens in/);
  // Rendered as Markdown: the key points are a list.
  expect(await popup.getByRole('region', { name: 'Summary' }).getByRole('listitem').count()).toBe(2);

  expect(chatRequests()).toHaveLength(1);
  const [system, user] = messagesOf(0);
  expect(system!.content).toMatch(/data, never instructions/);
  expect(user!.content).toContain('<page>');
  expect(user!.content).toContain('Sea otters are among the few marine mammals');
  expect(user!.content).toContain('## Why it matters');
  expect(user!.content).toContain('- Young otters learn by watching their mothers.');
  // The article, not the page chrome; link text without its URL.
  expect(user!.content).not.toContain('Subscribe to our newsletter');
  expect(user!.content).not.toContain('https://example.org/institute');
  expect(server.validationErrors).toEqual([]);

  // Reopening shows the stored summary at once and spends nothing.
  await popup.close();
  const again = await glance.openPage(`popup.html?tabId=${tabId}`);
  await eventually(() => summaryText(again)).toContain('This protects kelp forests.');
  await again.getByText(/^Saved summary from .*: shown without spending anything\.$/).waitFor();
  expect(chatRequests()).toHaveLength(1);

  // Regenerate makes a new one.
  server.enqueue({ kind: 'text', text: '**TL;DR:** Otters use stones as tools.\n\n- A second take.' });
  await again.getByRole('button', { name: 'Regenerate' }).click();
  await eventually(() => summaryText(again)).toContain('A second take.');
  expect(chatRequests()).toHaveLength(2);

  // A follow-up question continues about the page, with the page as quoted data.
  server.enqueue({ kind: 'text', text: 'They tuck it into a pouch of skin under the forearm.' });
  await again.getByRole('textbox', { name: 'Ask about this page' }).fill('Where do otters keep their stone?');
  await again.getByRole('button', { name: 'Ask' }).click();
  await eventually(() => again.getByRole('region', { name: 'Questions about this page' }).textContent()).toContain(
    'pouch of skin',
  );
  const asked = messagesOf(2);
  expect(asked[1]!.content).toContain('Sea otters are among the few marine mammals');
  expect(asked.at(-1)).toEqual({ role: 'user', content: 'Where do otters keep their stone?' });
  expect(server.validationErrors).toEqual([]);
});

it('summarizes a page over the context budget in sections: N part requests, one combining request, progress shown', async () => {
  // A small per-request budget, set the way a person does, makes a short page "long".
  const options = await glance.openPage('options.html');
  await options.getByRole('textbox', { name: 'Most page tokens per request' }).fill('300');
  await eventually(() => storedSetting('summaryMaxInput')).toBe(300);
  await options.close();

  const tabId = await openTab('/long.html');
  for (let part = 1; part <= 6; part++) {
    server.enqueue({ kind: 'text', text: `- Note on chapter ${part}.`, firstByteDelayMs: 400 });
  }
  server.enqueue({ kind: 'text', text: '**TL;DR:** The harbour changed a lot.\n\n- Combined from six parts.' });

  const popup = await glance.openPage(`popup.html?tabId=${tabId}`);
  await popup.getByRole('button', { name: 'Summarize page' }).click();
  const progress = popup.getByRole('progressbar');
  await progress.waitFor();
  expect(await progress.getAttribute('aria-valuemax')).toBe('6');
  await eventually(() => progress.getAttribute('aria-valuetext')).toMatch(/^[0-6] of 6 sections$/);
  await eventually(() => summaryText(popup)).toContain('Combined from six parts.');

  const requests = chatRequests();
  expect(requests).toHaveLength(7);
  const parts = requests.slice(0, 6).map((_, index) => messagesOf(index)[1]!.content);
  expect(parts.map((content) => /Part (\d) of 6/.exec(content)?.[1]).sort()).toEqual(['1', '2', '3', '4', '5', '6']);
  // Each part carries its own chapter; the combining request carries every note, not the page.
  for (let chapter = 1; chapter <= 6; chapter++) {
    expect(parts.filter((content) => content.includes(`## Chapter ${chapter}\n`))).toHaveLength(1);
  }
  const combine = messagesOf(6);
  expect(combine[0]!.content).toMatch(/from notes on its parts/);
  for (let part = 1; part <= 6; part++) expect(combine[1]!.content).toContain(`Note on chapter ${part}.`);
  expect(combine[1]!.content).not.toContain('sentence 3 describes');
  expect(server.validationErrors).toEqual([]);

  const reset = await glance.openPage('options.html');
  await reset.getByRole('textbox', { name: 'Most page tokens per request' }).fill('0');
  await eventually(() => storedSetting('summaryMaxInput')).toBe(0);
  await reset.close();
});

it('above the cost threshold, the estimate is shown and nothing is spent until the user confirms', async () => {
  const options = await glance.openPage('options.html');
  await options.getByRole('textbox', { name: 'Ask before a summary costs more than (USD)' }).fill('0');
  await eventually(() => storedSetting('summaryConfirmAboveUsd')).toBe(0);

  const tabId = await openTab('/article.html?confirm');
  const popup = await glance.openPage(`popup.html?tabId=${tabId}`);
  await popup.getByRole('button', { name: 'Summarize page' }).click();
  const confirm = popup.getByRole('group', { name: 'Summarize anyway' });
  await eventually(() => confirm.textContent()).toMatch(
    /takes 1 request, about \d+ tokens in and \d+ out, estimated ≈\$0\.000\d+/,
  );
  await popup.getByRole('button', { name: 'Cancel' }).click();
  expect(chatRequests()).toHaveLength(0);

  server.enqueue({ kind: 'text', text: '**TL;DR:** Confirmed.' });
  await popup.getByRole('button', { name: 'Summarize page' }).click();
  await popup.getByRole('button', { name: 'Summarize anyway' }).click();
  await eventually(() => summaryText(popup)).toContain('Confirmed.');
  expect(chatRequests()).toHaveLength(1);

  await options.getByRole('textbox', { name: 'Ask before a summary costs more than (USD)' }).fill('0.05');
  // Saved before the page closes: the next tests summarize without being asked.
  await eventually(() => storedSetting('summaryConfirmAboveUsd')).toBe(0.05);
  await options.close();
});

it('the address the context menu and the shortcut open (?tabId=N&view=summary&run=1) starts at once', async () => {
  const tabId = await openTab('/article.html?from-menu');
  server.enqueue({ kind: 'text', text: '**TL;DR:** Started by the menu.' });
  const popup = await glance.openPage(`popup.html?tabId=${tabId}&view=summary&run=1`);
  await eventually(() => summaryText(popup)).toContain('Started by the menu.');
  expect(chatRequests()).toHaveLength(1);
  expect(await popup.getByRole('button', { name: 'Summary', exact: true }).getAttribute('aria-pressed')).toBe('true');
});

it("the chat view's Summarize page button switches to the summary and starts it", async () => {
  const tabId = await openTab('/article.html?from-chat');
  server.enqueue({ kind: 'text', text: '**TL;DR:** Started from the chat.' });
  const popup = await glance.openPage(`popup.html?tabId=${tabId}&view=chat`);
  await popup.getByRole('textbox', { name: 'Message' }).waitFor();
  await popup.getByRole('button', { name: 'Summarize page' }).click();
  await eventually(() => summaryText(popup)).toContain('Started from the chat.');
  expect(chatRequests()).toHaveLength(1);
});

it('a chrome:// page and an empty page get a clear message, not a spinner', async () => {
  const worker = await glance.worker();
  const chromeTab = await worker.evaluate(async () => (await chrome.tabs.create({ url: 'chrome://version' })).id!);
  const popup = await glance.openPage(`popup.html?tabId=${chromeTab}`);
  await eventually(() => popup.getByRole('alert').textContent()).toContain('Glance cannot read this page');
  expect(await popup.getByText('Reading the page…').count()).toBe(0);
  // Pressing the button again gives the same answer, not a request.
  await popup.getByRole('button', { name: 'Summarize page' }).click();
  await eventually(() => popup.getByRole('alert').textContent()).toContain('Glance cannot read this page');

  const emptyTab = await openTab('/empty.html');
  const empty = await glance.openPage(`popup.html?tabId=${emptyTab}`);
  await eventually(() => empty.getByRole('alert').textContent()).toBe('This page has no text to summarize.');
  expect(chatRequests()).toHaveLength(0);
});
