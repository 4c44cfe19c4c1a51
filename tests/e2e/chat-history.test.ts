import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '@/tests/fake-server';
import { answers, openChat, sendMessage, waitForAnswerEnd } from './chat-helpers';
import { closeAll, startConfiguredGlance } from './configure';
import type { Glance } from './harness';

let server: FakeServer;
let glance: Glance;

beforeAll(async () => ({ server, glance } = await startConfiguredGlance()));
afterAll(() => closeAll(glance, server));

const list = (page: Page) => page.getByRole('list', { name: 'Conversations' });
const titles = async (page: Page) => list(page).locator('.history-open').allTextContents();
const item = (page: Page, title: string) => list(page).getByRole('listitem', { name: title });

/** Opens a row's More menu with the mouse and picks an item. */
async function pick(page: Page, title: string, name: string): Promise<void> {
  await item(page, title).getByRole('button', { name: 'More' }).click();
  await item(page, title).getByRole('menuitem', { name }).click();
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

describe('chat history', () => {
  it('lists, searches, renames, opens, exports, deletes and imports conversations', async () => {
    const page = await openChat(glance);
    server.enqueue({ kind: 'text', text: 'Apples grow on trees.' });
    await sendMessage(page, 'Tell me about apples');
    await waitForAnswerEnd(page);
    await page.getByRole('button', { name: 'New chat' }).click();
    expect(await answers(page).count()).toBe(0);
    server.enqueue({ kind: 'text', text: 'The Nile is very long.' });
    await sendMessage(page, 'Tell me about rivers');
    await waitForAnswerEnd(page);

    await page.getByRole('button', { name: 'History' }).click();
    await expect.poll(() => titles(page)).toEqual(['Tell me about rivers', 'Tell me about apples']);

    // Search covers titles and message text.
    const search = page.getByRole('searchbox', { name: 'Search conversations' });
    await search.fill('nile');
    await expect.poll(() => titles(page)).toEqual(['Tell me about rivers']);
    await search.fill('zebra');
    await expect.poll(() => page.getByText('No conversation contains “zebra”.').count()).toBe(1);
    await search.fill('');
    await expect.poll(() => titles(page)).toHaveLength(2);

    // Each row's actions sit in its More menu. By keyboard: Enter opens it on its first item,
    // arrows move, Escape closes it and gives focus back to More; Enter picks Rename.
    const more = item(page, 'Tell me about rivers').getByRole('button', { name: 'More' });
    await more.focus();
    await page.keyboard.press('Enter');
    const menu = item(page, 'Tell me about rivers').getByRole('menu');
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Rename',
      'Delete',
      'Export as Markdown',
      'Export as JSON',
    ]);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Delete');
    await page.keyboard.press('Escape');
    expect(await menu.count()).toBe(0);
    expect(await more.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Rename');
    await page.keyboard.press('Enter');
    // Rename puts the cursor in the title field.
    const newTitle = page.getByRole('textbox', { name: 'New title' });
    await expect.poll(() => newTitle.evaluate((field) => field === document.activeElement)).toBe(true);
    await newTitle.fill('Rivers of the world');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => titles(page)).toEqual(['Rivers of the world', 'Tell me about apples']);

    // Export one as Markdown, all as JSON.
    const markdown = await download(page, () => pick(page, 'Rivers of the world', 'Export as Markdown'));
    expect(markdown.name).toMatch(/^glance-chat-Rivers-of-the-world-\d{4}-\d\d-\d\d\.md$/);
    expect(markdown.text).toContain('# Rivers of the world');
    expect(markdown.text).toContain('### You\n\nTell me about rivers');
    expect(markdown.text).toContain('### Assistant\n\nThe Nile is very long.');
    const json = await download(page, () => page.getByRole('button', { name: 'Export all (JSON)' }).click());
    const exported = JSON.parse(json.text) as { format: string; conversations: { title: string; messages: unknown[] }[] };
    expect(exported.format).toBe('glance-chat');
    expect(exported.conversations.map((c) => c.title)).toEqual(['Rivers of the world', 'Tell me about apples']);
    expect(exported.conversations[0]!.messages).toHaveLength(2);

    // Open one: the chat shows it.
    await page.getByRole('button', { name: 'Tell me about apples' }).click();
    await expect.poll(() => answers(page).first().textContent()).toContain('Apples grow on trees.');
    await page.getByRole('button', { name: 'History' }).click();

    // Delete asks first.
    await pick(page, 'Tell me about apples', 'Delete');
    await item(page, 'Tell me about apples').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => titles(page)).toEqual(['Rivers of the world']);

    // Import the export: the deleted one comes back, the other is already there.
    const file = path.join(tmpdir(), `glance-export-${Date.now()}.json`);
    writeFileSync(file, json.text);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import JSON' }).click(),
    ]);
    await chooser.setFiles(file);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Imported 1 conversation; 1 was already there.');
    await expect.poll(() => titles(page)).toEqual(['Rivers of the world', 'Tell me about apples']);

    // A file that is not an export is refused with a reason, and nothing changes.
    writeFileSync(file, JSON.stringify({ hello: 'world' }));
    const [again] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import JSON' }).click(),
    ]);
    await again.setFiles(file);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('This file is not a Glance chat export (format).');
    expect(await titles(page)).toHaveLength(2);

    // The chat the popup opens with is the one opened last.
    await page.getByRole('button', { name: 'Rivers of the world' }).click();
    await expect.poll(() => answers(page).count()).toBe(1);
    expect(await answers(page).first().textContent()).toContain('The Nile is very long.');
    const reopened = await openChat(glance);
    await expect.poll(() => answers(reopened).count()).toBe(1);
    expect(await answers(reopened).first().textContent()).toContain('The Nile is very long.');
    await reopened.close();
    await page.close();
  });
});
