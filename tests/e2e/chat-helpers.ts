import type { Locator, Page } from 'playwright-core';
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
  await box.press('Enter');
}

/** Waits until the conversation has no answer streaming (Send is back). */
export async function waitForAnswerEnd(page: Page, timeout = 20_000): Promise<void> {
  await page.getByRole('button', { name: 'Send' }).waitFor({ timeout });
}
