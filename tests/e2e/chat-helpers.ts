import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { choiceChunk, FIRST_DELTA, newCompletionId, SSE_DONE, sseEvent } from '@/tests/fake-server/chat-chunks';
import type { Glance } from './harness';

/** Opens the popup page (in a tab, as the e2e tests do) on its default view, the chat. */
export async function openChat(glance: Glance): Promise<Page> {
  const page = await glance.openPage('popup.html');
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  return page;
}

/** The conversation log. */
export function conversation(page: Page): Locator {
  return page.getByRole('log', { name: 'Conversation' });
}

/** Answers in the conversation, oldest first. */
export function answers(page: Page): Locator {
  return conversation(page).getByRole('article', { name: 'Assistant' });
}

/** Types a message and presses Enter, as a person does. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  // As a person would: once Send can be pressed (the conversation has loaded).
  await page
    .locator('button[type=submit]:not([disabled])', { hasText: 'Send' })
    .waitFor({ timeout: 10_000 })
    .catch(() => {});
  await box.press('Enter');
  // Taken once the composer empties: until then Send is still the old one, and waitForAnswerEnd
  // would find it at once. A send refused at once gets its text back; the caller checks that.
  await box
    .page()
    .waitForFunction(
      ([element, typed]) => (element as HTMLTextAreaElement).value !== typed,
      [await box.elementHandle(), text] as const,
      { timeout: 5_000 },
    )
    .catch(() => {});
}

/** Waits until the conversation has no answer streaming (Send is back). */
export async function waitForAnswerEnd(page: Page, timeout = 20_000): Promise<void> {
  await page.getByRole('button', { name: 'Send' }).waitFor({ timeout });
}

/**
 * Writes an SSE answer made of exactly these content chunks (the fake server's `text` scenario
 * makes one chunk per word), for a `recorded` scenario: `{ kind: 'recorded', file }`.
 */
export function sseFileOf(chunks: string[], model = 'gpt-4o-mini'): string {
  const identity = { id: newCompletionId(), created: Math.floor(Date.now() / 1000), model, includeUsage: false };
  const body = [
    sseEvent(choiceChunk(identity, FIRST_DELTA)),
    ...chunks.map((content) => sseEvent(choiceChunk(identity, { content }))),
    sseEvent(choiceChunk(identity, {}, 'stop')),
    SSE_DONE,
  ].join('');
  const file = path.join(tmpdir(), `glance-answer-${identity.id}.sse`);
  writeFileSync(file, body);
  return file;
}
