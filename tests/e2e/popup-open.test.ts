import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FakeServer } from '@/tests/fake-server';
import { answers, openChat, sendMessage, waitForAnswerEnd } from './chat-helpers';
import { closeAll, startConfiguredGlance } from './configure';
import type { Glance } from './harness';

/**
 * How the popup opens: only what its chat needs loads first (one language's strings, no other
 * view), Chinese shows with no English first, and a long answer shows its end first, then whole.
 */

/** A long Markdown answer: numbered sections, the first and last easy to find. */
const LONG_ANSWER = Array.from(
  { length: 120 },
  (_, i) => `## Part ${i + 1}\n\nParagraph ${i + 1} explains *one* thing with \`code()\` in it, at some length, as answers do.`,
).join('\n\n');

/**
 * Opens the popup recording, before any of its script runs, every text its page shows (after
 * each change) and the first text of the last answer; and every script file it fetches.
 */
async function openRecorded(glance: Glance): Promise<{ page: Page; scripts: string[] }> {
  const page = await glance.context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.js')) scripts.push(new URL(request.url()).pathname);
  });
  await page.addInitScript(`(() => {
    window.__texts = [];
    new MutationObserver(() => {
      const app = document.getElementById('app');
      if (app) window.__texts.push(app.textContent);
      const shown = document.querySelectorAll('[role=log] article .markdown');
      if (shown.length && window.__firstAnswer === undefined) window.__firstAnswer = shown[shown.length - 1].textContent;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  })()`);
  await page.goto(`chrome-extension://${glance.extensionId}/popup.html`);
  return { page, scripts };
}

const texts = (page: Page) => page.evaluate(() => (window as unknown as { __texts: string[] }).__texts);

describe('opening the popup', () => {
  let server: FakeServer;
  let glance: Glance;

  beforeAll(async () => {
    ({ server, glance } = await startConfiguredGlance());
  });

  afterAll(async () => {
    await closeAll(glance, server);
  });

  it('shows a long last answer from its end first, then whole', async () => {
    const chat = await openChat(glance);
    server.enqueue({ kind: 'text', text: LONG_ANSWER });
    await sendMessage(chat, 'A long answer, please.');
    await waitForAnswerEnd(chat);
    await chat.close();

    const { page } = await openRecorded(glance);
    const last = answers(page).last();
    await expect.poll(() => last.textContent(), { timeout: 10_000 }).toContain('Part 1\n');
    expect(await last.textContent()).toContain('Paragraph 120 explains');
    const first = await page.evaluate(() => (window as unknown as { __firstAnswer: string }).__firstAnswer);
    expect(first).toContain('Paragraph 120 explains');
    expect(first).not.toContain('Part 1\n');
    expect(first.length).toBeLessThan(((await last.textContent()) ?? '').length / 2);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Message');
    await page.close();
  });

  it('loads only the chat and its language, and opens another view when it is asked for', async () => {
    const { page, scripts } = await openRecorded(glance);
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    const atOpen = [...scripts];
    expect(atOpen.filter((file) => /\/messages-/.test(file))).toEqual([expect.stringMatching(/\/messages-en-/)]);
    expect(atOpen.filter((file) => /\/(history-view|summary-panel|translate-view)-/.test(file))).toEqual([]);
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await page.getByRole('searchbox').first().waitFor({ timeout: 10_000 });
    expect(scripts.some((file) => /\/history-view-/.test(file))).toBe(true);
    await page.close();
  });

  it('opens in Chinese with no English shown first', async () => {
    const options = await glance.openPage('options.html');
    await options.getByRole('combobox', { name: 'Interface language' }).selectOption('zh-CN');
    await expect.poll(() => options.getByRole('button', { name: '测试连接' }).count()).toBe(1);
    try {
      const { page, scripts } = await openRecorded(glance);
      await page.getByRole('textbox', { name: '消息' }).waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: '聊天' }).waitFor();
      const shown = await texts(page);
      expect(shown.some((text) => text.includes('聊天'))).toBe(true);
      // Neither a tab, the answer's actions nor the composer ever said anything in English.
      expect(shown.filter((text) => /\b(Chat|History|Summary|Send|Copy)\b/.test(text))).toEqual([]);
      // English may load too: the browser's language (en-US here) is fetched before the setting is read.
      expect(scripts.some((file) => /\/messages-zh-cn-/.test(file))).toBe(true);
      await page.close();
    } finally {
      await options.getByRole('combobox', { name: '界面语言' }).selectOption('en');
      await expect.poll(() => options.getByRole('button', { name: 'Test connection' }).count()).toBe(1);
      await options.close();
    }
  });

  it('opens the connection to the endpoint without a request, and the first message goes on it', async () => {
    server.closeConnections();
    const opened = server.connections;
    const sent = server.requests.length;
    const chat = await openChat(glance);
    await expect.poll(() => server.connections, { timeout: 5_000 }).toBe(opened + 1);
    // The connection alone: nothing was asked of the API, nothing spent.
    expect(server.requests.length).toBe(sent);

    server.enqueue({ kind: 'text', text: 'Connected already.' });
    await sendMessage(chat, 'Is the line warm?');
    await waitForAnswerEnd(chat);
    const request = server.requests.at(-1);
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.connection).toBe(opened + 1);
    expect(server.connections).toBe(opened + 1);
    await chat.close();
  });
});
