import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countPromptTokens, countTextTokens, startFakeServer, type FakeServer } from '@/tests/fake-server';
import { costOf, formatCost, priceFor } from '@/utils/llm/pricing';
import { answers, openChat, sendMessage, waitForAnswerEnd } from './chat-helpers';
import { configureGlance } from './configure';
import { launchGlance, type Glance } from './harness';

let server: FakeServer;
let glance: Glance;

beforeAll(async () => {
  server = await startFakeServer();
  glance = await launchGlance();
});
afterAll(async () => {
  await glance?.close();
  await server?.close();
});

/** What the fake server billed for a chat request: its prompt and completion token counts. */
function billed(requestIndex: number, answer: string) {
  const body = server.requests[requestIndex]!.body as { model: string; messages: unknown };
  return { prompt: countPromptTokens(body.messages, body.model), completion: countTextTokens(answer, body.model) };
}

it('lists a Test connection and a chat with the provider token counts and their cost; a tiny budget holds the next call', async () => {
  const options = await configureGlance(glance, server);
  await options.getByRole('button', { name: 'Test connection' }).click();
  await options
    .getByRole('status')
    .filter({ hasText: /^Connected and saved\./ })
    .waitFor();
  const popup = await openChat(glance);
  server.enqueue({ kind: 'text', text: 'Usage is counted for every call.' });
  await sendMessage(popup, 'Hello, how much did this cost?');
  await waitForAnswerEnd(popup);

  const chatRequests = () => server.requests.map((r, i) => [r, i] as const).filter(([r]) => r.path === '/v1/chat/completions');
  await expect.poll(() => chatRequests().length, { timeout: 10_000 }).toBe(2);
  const chats = chatRequests();
  const testCall = billed(chats[0]![1], '');
  const chatCall = billed(chats[1]![1], 'Usage is counted for every call.');
  const chatCost = formatCost(
    costOf({ promptTokens: chatCall.prompt, cachedTokens: 0, completionTokens: chatCall.completion }, priceFor('gpt-4o-mini'))!,
  );
  // The answer's footer shows what the provider billed for it.
  await expect
    .poll(() => answers(popup).first().getByLabel('Usage of this answer').textContent())
    .toBe(`${chatCall.prompt} tokens in · ${chatCall.completion} out · ${chatCost}`);

  const page = await glance.openPage('options.html#usage');
  const usage = page.getByRole('region', { name: 'Usage' });
  const table = usage.getByRole('table', { name: 'Recent calls' });
  await table.waitFor();
  // The address's #usage (the popup's spend badge links there) scrolls the section into view.
  const place = () =>
    page.evaluate(() => ({
      scrolled: scrollY,
      top: document.getElementById('usage')!.getBoundingClientRect().top,
      height: innerHeight,
    }));
  await expect.poll(async () => (await place()).scrolled).toBeGreaterThan(0);
  const { top, height } = await place();
  // Within a pixel: Chromium snaps the scroll offset to whole device pixels, and the sections above
  // can add up to a fraction (19.5 px lines).
  expect(top).toBeGreaterThan(-1);
  expect(top).toBeLessThan(height);
  const rows = table.locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(2);
  const cells = async (index: number) => rows.nth(index).locator('td').allTextContents();

  const [chatRow, testRow] = [await cells(0), await cells(1)];
  expect(chatRow.slice(1, 7)).toEqual([
    'Chat',
    'gpt-4o-mini',
    chatCall.prompt.toLocaleString('en-US'),
    '0',
    chatCall.completion.toLocaleString('en-US'),
    chatCost,
  ]);
  expect(testRow[1]).toBe('Test connection');
  expect(Number(testRow[3])).toBe(testCall.prompt);
  expect(Number(testRow[5])).toBeLessThanOrEqual(1);
  expect(chatRow[7]).toBe('OK');

  // Export CSV: the same two calls, newest first.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    usage.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\r\n');
  expect(csv).toHaveLength(3);
  expect(csv[1]).toContain(',chat,gpt-4o-mini,');
  expect(csv[2]).toContain(',test,gpt-4o-mini,');

  // A budget of $0.000001 is already spent: the next call is held before it reaches the API.
  await usage.getByRole('textbox', { name: 'Daily budget' }).fill('0.000001');
  await usage.getByRole('textbox', { name: 'Daily budget' }).press('Enter');
  await usage.getByText('Budgets saved.').waitFor();
  await usage.getByText(/% of your daily budget is spent/).waitFor();
  const requestsBefore = server.requests.length;
  await sendMessage(popup, 'This one is held.');
  const held = answers(popup).nth(1);
  await held.getByText(/You have spent .* of your daily budget of/).waitFor();
  expect(server.requests.length).toBe(requestsBefore);
  // The popup's badge shows today's spend against the budget, marked as over it.
  const badge = popup.getByRole('button', { name: /^Today: \$[\d.]+ of \$0\.000001$/ });
  await expect.poll(() => badge.getAttribute('class')).toContain('spend-exceeded');
  // Its meter shows the daily budget used up; the visible amount stays short.
  const meter = popup.getByRole('meter', { name: 'Daily budget used' });
  expect(await meter.getAttribute('aria-valuetext')).toBe('100% of the daily budget');
  expect(await badge.textContent()).toMatch(/^Today: (<\$0\.01|\$[\d.]{1,5})$/);

  // "Spend anyway" lets it through, in one click.
  server.enqueue({ kind: 'text', text: 'Now it goes.' });
  await held.getByRole('button', { name: 'Spend anyway' }).click();
  await expect.poll(() => held.textContent()).toContain('Now it goes.');
  expect(server.requests.length).toBe(requestsBefore + 1);
});
