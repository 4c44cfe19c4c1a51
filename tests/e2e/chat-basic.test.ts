import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../fake-server';
import { answers, conversation, openChat, sendMessage, waitForAnswerEnd } from './chat-helpers';
import { configureGlance } from './configure';
import { launchGlance, type Glance } from './harness';

let server: FakeServer;
let glance: Glance;

beforeAll(async () => {
  server = await startFakeServer();
  glance = await launchGlance();
  await (await configureGlance(glance, server)).close();
});
afterAll(async () => {
  await glance?.close();
  await server?.close();
});
beforeEach(() => server.reset());

describe('popup chat', () => {
  it('answers two turns; the second request carries the first turn', async () => {
    const page = await openChat(glance);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Message');
    server.enqueue({ kind: 'text', text: 'Paris is the **capital** of France.', chunkIntervalMs: 20 });
    await sendMessage(page, 'What is the capital of France?');
    await waitForAnswerEnd(page);
    await expect.poll(() => answers(page).first().textContent()).toContain('Paris is the capital of France.');
    expect(await answers(page).first().locator('strong').textContent()).toBe('capital');

    // The cost of the follow-up is shown before it is sent, history included, and is exact.
    server.enqueue({ kind: 'text', text: 'About 2.1 million people live there.' });
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('And how many people live there?');
    const estimate = page.locator('#chat-estimate');
    await expect.poll(() => estimate.textContent()).toMatch(/^Next request: \d+ tokens · \$[\d.]+ \+ the answer; resends 2 of 2 earlier messages/);
    const estimated = Number((await estimate.textContent())!.match(/(\d+) tokens/)![1]);
    await box.press('Enter');
    await waitForAnswerEnd(page);
    await expect.poll(() => answers(page).nth(1).textContent()).toContain('2.1 million');
    const footer = answers(page).nth(1).getByLabel('Usage of this answer');
    expect(await footer.textContent()).toContain(`${estimated} tokens in`);

    const second = server.requests.filter((r) => r.path === '/v1/chat/completions')[1]!.body as { messages: { role: string; content: string }[] };
    expect(second.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(second.messages[1]!.content).toBe('What is the capital of France?');
    expect(second.messages[2]!.content).toBe('Paris is the **capital** of France.');
    expect(second.messages[3]!.content).toBe('And how many people live there?');
    expect(server.validationErrors).toEqual([]);
    await page.screenshot({ path: '/tmp/chatdbg/two-turns.png' });
    await page.close();
  });
});
