import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FakeServer } from '@/tests/fake-server';
import { Ax } from './ax';
import { answers, openChat, sendMessage, waitForAnswerEnd } from './chat-helpers';
import { closeAll, startConfiguredGlance } from './configure';
import { tabIdOf, type Glance } from './harness';
import { startPageServer, type PageServer } from './page-server';
import { dragSelect, translationDone } from './translate-helpers';

/**
 * How Glance's extension pages are set: Chromium gives extension pages a body rule of its own
 * (10.5 px, its own font) that Glance's type scale must override.
 */

let server: FakeServer;
let glance: Glance;
let pages: PageServer;

beforeAll(async () => {
  ({ server, glance } = await startConfiguredGlance());
  // A page whose own root font is large and odd: none of it may reach the card.
  pages = await startPageServer({
    '/article': {
      html: '<!doctype html><html style="font: 22px serif"><body><p id="text">Cats sleep most of the day, and they dream.</p></body></html>',
    },
  });
});
afterAll(() => closeAll(glance, pages, server));

// The microphone page stays open here: this profile has no fake microphone, so it is refused.
const PAGES = ['popup.html', 'options.html', 'sidepanel.html', 'welcome.html', 'microphone.html'];

it('sets body text at 14 px in Glance’s own font stack on every extension page', async () => {
  for (const path of PAGES) {
    const page = await glance.openPage(path);
    await page.locator('main, section, form').first().waitFor();
    const body = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return { size: style.fontSize, family: style.fontFamily };
    });
    expect(body.size, path).toBe('14px');
    expect(body.family, path).toMatch(/^system-ui/);
    await page.close();
  }
});

it('sets the translation card’s text at 14 px on a page with a large serif root font', async () => {
  server.enqueue({ kind: 'text', text: '猫一天大部分时间都在睡觉，它们会做梦。' });
  const page = await glance.context.newPage();
  await page.goto(`${pages.url}/article`);
  const ax = await Ax.of(page);
  await dragSelect(page, page.locator('#text'));
  await ax.click(await ax.find('button', 'Translate'));
  const dialog = await ax.find('dialog', 'Translation');
  await translationDone(ax);
  expect(await ax.style(dialog, 'font-size')).toBe('14px');
  expect(await ax.style(dialog, 'font-family')).toMatch(/^system-ui/);
  // The translated text itself (inside the card's body) is set at that size too.
  const size = await ax.call<string>(
    dialog,
    'function () { const body = this.querySelector(".card-body p"); return body && getComputedStyle(body).fontSize; }',
  );
  expect(size).toBe('14px');
  await page.close();
});

it('keeps the settings button inside the 440 px popup next to the spend badge', async () => {
  const page = await glance.openPage('popup.html');
  await page.setViewportSize({ width: 440, height: 600 });
  const gear = page.getByRole('button', { name: 'Open settings' });
  await gear.waitFor();
  const box = (await gear.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(440);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(440);
  await page.close();
});

it('fits the popup at 380 and 400 px: the views, the spend badge and both buttons stay whole, nothing scrolls sideways', async () => {
  const page = await glance.openPage('popup.html');
  for (const width of [380, 400]) {
    await page.setViewportSize({ width, height: 600 });
    const badge = page.getByRole('button', { name: /^Today: / });
    await badge.waitFor();
    for (const control of [
      page.getByRole('button', { name: 'Open settings' }),
      page.getByRole('button', { name: 'Open side panel' }),
      badge,
    ]) {
      const box = (await control.boundingBox())!;
      expect(box.x, `${width}`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${width}`).toBeLessThanOrEqual(width);
    }
    // The badge stays a short word: two significant digits at most.
    expect(await badge.textContent()).toMatch(/^Today: (<\$0\.01|\$[\d.]{1,5})$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}`).toBeLessThanOrEqual(width);
  }
  await page.close();
});

it('keeps the code block’s Copy button off the code at 380 px, however long the line', async () => {
  const line = "const tool = otter.pouch.get('stone').then((stone) => stone.crack(shellfish)).catch(() => swimAway());";
  server.enqueue({ kind: 'text', text: `Like this:\n\n\`\`\`js\n${line}\n\`\`\`` });
  const page = await openChat(glance);
  await page.setViewportSize({ width: 380, height: 600 });
  await sendMessage(page, 'Show the otter code');
  await waitForAnswerEnd(page);
  const copy = (await page.getByRole('button', { name: 'Copy code' }).boundingBox())!;
  const code = (await answers(page).last().locator('pre code').boundingBox())!;
  // The button sits in the block's header row, above the first line of code.
  expect(copy.y + copy.height).toBeLessThanOrEqual(code.y);
  expect(copy.x + copy.width).toBeLessThanOrEqual(380);
  await page.close();
});

it('opens the popup on a web page with its header in view: the chat gives way to the page-translation bar', async () => {
  // A conversation long enough to fill the chat, and a popup about a web page's tab: the
  // page-translation bar shows above the chat.
  server.enqueue({
    kind: 'text',
    text: `Otters:\n\n${'- They keep a favourite stone.\n'.repeat(30)}\n\`\`\`js\nconst stone = 1;\n\`\`\``,
  });
  const chat = await openChat(glance);
  await sendMessage(chat, 'Tell me about otters');
  await waitForAnswerEnd(chat);
  await chat.close();
  const tab = await glance.context.newPage();
  await tab.goto(`${pages.url}/article`);
  const tabId = await tabIdOf(glance, `${pages.url}/article`);
  const page = await glance.context.newPage();
  // The browser's largest popup.
  await page.setViewportSize({ width: 440, height: 600 });
  await page.goto(`chrome-extension://${glance.extensionId}/popup.html?tabId=${tabId}&view=chat`);
  await page.getByRole('button', { name: 'Translate page' }).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Message');
  await answers(page).last().locator('pre code').waitFor();
  // Nothing to scroll, so focusing the composer moved nothing out of view.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
  expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
  const gear = (await page.getByRole('button', { name: 'Open settings' }).boundingBox())!;
  expect(gear.y).toBeGreaterThanOrEqual(0);
  const composer = (await page.getByRole('textbox', { name: 'Message' }).boundingBox())!;
  expect(composer.y + composer.height).toBeLessThanOrEqual(600);
  await page.close();
  await tab.close();
});
