import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeServer } from '@/tests/fake-server';
import { answers, openChat, sendMessage, sseFileOf, waitForAnswerEnd } from './chat-helpers';
import { closeAll, startConfiguredGlance } from './configure';
import type { Glance } from './harness';

let server: FakeServer;
let glance: Glance;

beforeAll(async () => ({ server, glance } = await startConfiguredGlance()));
afterAll(() => closeAll(glance, server));
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
    const estimate = page.locator('#chat-estimate[aria-busy="false"]');
    await expect
      .poll(() => estimate.textContent())
      .toMatch(/^Next request: \d+ tokens · \$[\d.]+ \+ the answer; resends 2 of 2 earlier messages/);
    const estimated = Number((await estimate.textContent())!.match(/(\d+) tokens/)![1]);
    await box.press('Enter');
    await waitForAnswerEnd(page);
    await expect.poll(() => answers(page).nth(1).textContent()).toContain('2.1 million');
    const footer = answers(page).nth(1).getByLabel('Usage of this answer');
    expect(await footer.textContent()).toContain(`${estimated} tokens in`);

    const second = server.requests.filter((r) => r.path === '/v1/chat/completions')[1]!.body as {
      messages: { role: string; content: string }[];
    };
    expect(second.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(second.messages[1]!.content).toBe('What is the capital of France?');
    expect(second.messages[2]!.content).toBe('Paris is the **capital** of France.');
    expect(second.messages[3]!.content).toBe('And how many people live there?');
    expect(server.validationErrors).toEqual([]);
    await page.screenshot({ path: '/tmp/chatdbg/two-turns.png' });
    await page.close();
  });

  it('copies an answer and a code block, starts a new chat, and switches the model per conversation', async () => {
    await glance.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await openChat(glance);
    await page.getByRole('button', { name: 'New chat' }).click();
    await page.getByRole('combobox', { name: 'Model', exact: true }).fill('gpt-4.1-mini');
    await page.getByRole('combobox', { name: 'Model', exact: true }).press('Tab');
    const answer = 'Use this:\n\n```python\nprint("hi")\n```\n\nDone.';
    server.enqueue({ kind: 'text', text: answer });
    await sendMessage(page, 'Give me code.');
    await waitForAnswerEnd(page);
    expect((server.requests.at(-1)!.body as { model: string }).model).toBe('gpt-4.1-mini');

    await answers(page).last().getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(answer);
    await answers(page).last().getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('print("hi")');

    // The model stays with the conversation: a new chat starts on the default one.
    await page.getByRole('button', { name: 'New chat' }).click();
    expect(await answers(page).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Model', exact: true }).inputValue()).toBe('gpt-4o-mini');
    await page.getByRole('button', { name: 'History' }).click();
    await page.getByRole('button', { name: 'Give me code.' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Model', exact: true }).inputValue()).toBe('gpt-4.1-mini');
    await page.close();
  });

  it('Enter that commits an input method composition does not send; Shift+Enter adds a line', async () => {
    const page = await openChat(glance);
    await page.getByRole('button', { name: 'New chat' }).click();
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('你好');
    await box.press('Shift+Enter');
    await box.pressSequentially('ni');
    const cdp = await glance.context.newCDPSession(page);
    // An IME is composing "ni" into 你; the Enter that picks the character must not send.
    await cdp.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      key: 'Enter',
      code: 'Enter',
      windowsVirtualKeyCode: 229,
      nativeVirtualKeyCode: 229,
    });
    await cdp.send('Input.insertText', { text: '你' });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
    await page.waitForTimeout(300);
    expect(server.requests).toHaveLength(0);
    expect(await box.inputValue()).toBe('你好\nni你');

    // Once composition has ended, Enter sends.
    server.enqueue({ kind: 'text', text: '你好！' });
    await box.press('Enter');
    await waitForAnswerEnd(page);
    expect(server.requests).toHaveLength(1);
    expect((server.requests[0]!.body as { messages: { content: string }[] }).messages.at(-1)!.content).toBe('你好\nni你');
    expect(await box.inputValue()).toBe('');
    await page.close();
  });

  it('a 1 MB paste is counted off the page and refused with its token count; the popup stays usable', async () => {
    const page = await openChat(glance);
    await page.getByRole('button', { name: 'New chat' }).click();
    const big = 'The quick brown fox jumps over the lazy dog. '.repeat(Math.ceil(1_048_576 / 45)).slice(0, 1_048_576);
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill(big);
    const estimate = page.locator('#chat-estimate');
    await expect
      .poll(() => estimate.textContent(), { timeout: 20_000 })
      .toMatch(/^This message is [\d,]+ tokens; gpt-4o-mini reads at most [\d,]+\. Shorten it\.$/);
    expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    await box.press('Enter');
    expect(server.requests).toHaveLength(0);
    // Nothing typed is lost, and the page still answers at once.
    expect((await box.inputValue()).length).toBe(1_048_576);
    await box.fill('Short again.');
    await expect.poll(() => estimate.textContent()).toMatch(/^Next request: \d+ tokens/);
    expect(await page.getByRole('button', { name: 'Send' }).isEnabled()).toBe(true);
    await page.close();
  });

  it('renders malformed Markdown and a 10,000-line code block as it streams', { timeout: 90_000 }, async () => {
    const page = await openChat(glance);
    await page.getByRole('button', { name: 'New chat' }).click();
    const malformed =
      '**bold never closed\n\n| a | b |\n|---|\n| 1 | 2 | 3 |\n\n- item\n   - odd indent\n  1. mixed\n\n[dangling](\n\n> quote\n```\nunclosed fence at the end';
    server.enqueue({ kind: 'text', text: malformed, chunkChars: 3 });
    await sendMessage(page, 'Break Markdown.');
    await waitForAnswerEnd(page);
    const first = (await answers(page).last().textContent()) ?? '';
    expect(first).toContain('bold never closed');
    expect(first).toContain('unclosed fence at the end');

    // Streamed 25 lines a chunk: 400 chunks, so the open code block grows 400 times.
    const lines = Array.from({ length: 10_000 }, (_, i) => `const line${i} = ${i};`);
    const chunks = ['Here it is:\n\n```js\n'];
    for (let i = 0; i < lines.length; i += 25) chunks.push(`${lines.slice(i, i + 25).join('\n')}\n`);
    chunks.push('```\n\nThat was long.');
    server.enqueue({ kind: 'recorded', file: sseFileOf(chunks), chunkIntervalMs: 5 });
    await sendMessage(page, 'A very long code block.');
    await waitForAnswerEnd(page, 60_000);
    const block = answers(page).last().locator('pre code');
    expect(await block.count()).toBe(1);
    expect(await block.textContent()).toBe(lines.join('\n'));
    expect(await answers(page).last().textContent()).toContain('That was long.');
    await page.close();
  });

  it('streams a 1 MB answer that is one paragraph without freezing, and shows it as one paragraph at the end', {
    timeout: 90_000,
  }, async () => {
    const page = await openChat(glance);
    await page.getByRole('button', { name: 'New chat' }).click();
    const sentences = Array.from({ length: 12_000 }, (_, i) => `Sentence ${i} of the answer that never ends.`);
    const text = sentences.join(' ').slice(0, 1_000_000);
    const chunks = Array.from({ length: Math.ceil(text.length / 400) }, (_, i) => text.slice(i * 400, (i + 1) * 400));
    server.enqueue({ kind: 'recorded', file: sseFileOf(chunks), chunkIntervalMs: 2 });
    const started = Date.now();
    await sendMessage(page, 'One endless paragraph, please.');
    // While it streams, the paragraph's frozen parts are laid out as blocks of their own.
    const part = answers(page).last().locator('p > .md-part').first();
    await part.waitFor({ state: 'attached', timeout: 30_000 });
    expect(await part.evaluate((element) => getComputedStyle(element).display)).toBe('block');
    await waitForAnswerEnd(page, 60_000);
    const elapsed = Date.now() - started;
    const answer = answers(page).last();
    expect(await answer.locator('.markdown p').count()).toBe(1);
    expect((await answer.locator('.markdown p').textContent()) === text).toBe(true);
    expect(await part.evaluate((element) => getComputedStyle(element).display)).toBe('inline');
    // 2,500 chunks; a renderer whose work grew with the paragraph took minutes here.
    expect(elapsed).toBeLessThan(45_000);
    await page.close();
  });

  it('sends the system prompt and history budget set on the settings page', async () => {
    const options = await glance.openPage('options.html');
    const prompt = options.getByRole('textbox', { name: 'System prompt' });
    await prompt.fill('Answer like a pirate.');
    await prompt.blur();
    const budget = options.getByRole('textbox', { name: 'History budget (tokens)' });
    await budget.fill('0');
    await budget.blur();
    await options.getByText('Chat settings saved.').waitFor();
    await options.close();

    const page = await openChat(glance);
    await page.getByRole('button', { name: 'New chat' }).click();
    await sendMessage(page, 'First');
    await waitForAnswerEnd(page);
    await sendMessage(page, 'Second');
    await waitForAnswerEnd(page);
    const last = server.requests.at(-1)!.body as { messages: { role: string; content: string }[] };
    // A budget of 0 resends no history: the second question goes alone, after the new prompt.
    expect(last.messages).toEqual([
      { role: 'system', content: 'Answer like a pirate.' },
      { role: 'user', content: 'Second' },
    ]);
    await page.close();
  });

  it('stops an answer at the time limit set on the settings page and keeps what arrived', { timeout: 120_000 }, async () => {
    const options = await glance.openPage('options.html');
    const limit = options.getByRole('textbox', { name: 'Answer time limit (minutes)' });
    await limit.fill('1');
    await limit.blur();
    await options.getByText('Chat settings saved.').waitFor();
    await options.close();

    const page = await openChat(glance);
    await page.getByRole('button', { name: 'New chat' }).click();
    // Text every 2 s for 100 s: never idle, only too long.
    server.enqueue({ kind: 'text', text: 'tick '.repeat(50), chunkChars: 5, chunkIntervalMs: 2_000 });
    const started = Date.now();
    await sendMessage(page, 'Take your time.');
    const notice = page.getByRole('alert').filter({ hasText: 'longer than the 1-minute limit' });
    // The time limit's own message, not "the connection closed": waiting more would not help.
    await notice.waitFor({ timeout: 90_000 });
    expect(Date.now() - started).toBeGreaterThan(55_000);
    expect(await answers(page).last().textContent()).toContain('tick tick tick');

    const reset = await glance.openPage('options.html');
    await reset.getByRole('textbox', { name: 'Answer time limit (minutes)' }).fill('10');
    await reset.getByRole('textbox', { name: 'Answer time limit (minutes)' }).blur();
    await reset.getByText('Chat settings saved.').waitFor();
    for (const open of [page, reset]) await open.close();
  });
});
