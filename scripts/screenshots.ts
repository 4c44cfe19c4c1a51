/**
 * `npm run screenshots`: pictures of Glance as a user sees it, for review. It drives the build in
 * .output/chrome-mv3 (run `npm run build` first; nothing is built here) in headless Chromium
 * against the fake API server, and writes PNGs of the popup (chat with a conversation, history,
 * summary), the settings page and the in-page translation card, in English and Chinese, light and
 * dark (an emulated colour scheme; the card follows its page, so dark shots use a dark page), at
 * 380 and 440 px wide, to screenshots/ (or the folder given as the first argument).
 * Names: <lang>-<scheme>-<width>-<view>.png, e.g. zh-CN-dark-380-history.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startFakeServer } from '../tests/fake-server';
import { Ax } from '../tests/e2e/ax';
import { openChat, sendMessage, waitForAnswerEnd } from '../tests/e2e/chat-helpers';
import { closeAll, configureGlance } from '../tests/e2e/configure';
import { launchGlance } from '../tests/e2e/harness';
import { startPageServer } from '../tests/e2e/page-server';
import { dragSelect } from '../tests/e2e/translate-helpers';

const OUT = path.resolve(process.argv[2] ?? 'screenshots');
const LANGS = ['en', 'zh-CN'] as const;
const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [380, 440] as const;
const HEIGHT = { popup: 600, options: 900, card: 600 };
type Lang = (typeof LANGS)[number];

/** A UI string of the interface in `lang`, read from the locale files the build uses. */
function say(lang: Lang, key: string): string {
  for (const file of readdirSync(`locales/${lang}`)) {
    const strings = JSON.parse(readFileSync(`locales/${lang}/${file}`, 'utf8')) as Record<string, string>;
    if (key in strings) return strings[key]!;
  }
  throw new Error(`No string ${key} in locales/${lang}`);
}

function article(dark: boolean): string {
  const colors = dark ? 'background:#15171a;color:#e6e6e6' : 'background:#fff;color:#222';
  return `<!doctype html><html lang="en"><head><title>How otters use tools</title></head>
<body style="margin:24px;font:16px/1.6 Georgia,serif;${colors}"><article><h1>How otters use tools</h1>
<p id="text">Sea otters are among the few marine mammals known to use tools. Floating on their backs, they
balance a flat stone on their chests and crack open clams against it.</p>
<p>Individual otters keep a favourite stone for weeks, tucked into a pouch of skin under the forearm.</p>
<h2>Why it matters</h2><p>Tool use lets otters eat hard-shelled prey, which keeps urchins in check and protects kelp forests.</p>
</article></body></html>`;
}

const ANSWER = [
  'Sea otters **crack shellfish open with stones** they carry with them.',
  '',
  '- They keep a favourite stone for weeks.',
  '- Young otters learn it by watching their mothers.',
  '',
  '```js',
  "const tool = otter.pouch.get('stone');",
  '```',
].join('\n');
const SUMMARY: Record<Lang, string> = {
  en: '**TL;DR:** Sea otters crack shellfish with stones.\n\n- They keep a favourite stone for weeks.\n- This protects kelp forests.',
  'zh-CN': '**要点：** 海獭用石头敲开贝类。\n\n- 一块喜欢的石头会用上好几周。\n- 这保护了海带森林。',
};
const TRANSLATION = '海獭是少数会使用工具的海洋哺乳动物之一。它们仰面漂浮，把一块扁平的石头放在胸前，用来敲开蛤蜊。';

let written = 0;
async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  written += 1;
}

async function view(page: Page, scheme: string, width: number, height: number): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme as 'light' | 'dark' });
  await page.setViewportSize({ width, height });
}

/** Whether this machine has a font for Chinese (fontconfig); without one Chinese shows as boxes. */
function hasChineseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return true; // no fontconfig to ask: say nothing
  }
}

if (!hasChineseFont()) {
  console.warn(
    'No Chinese font is installed (fc-list :lang=zh is empty): Chinese text will show as boxes. On Debian: apt-get install fonts-noto-cjk',
  );
}
const started = Date.now();
mkdirSync(OUT, { recursive: true });
const server = await startFakeServer();
const pages = await startPageServer({ '/article': { html: article(false) }, '/article-dark': { html: article(true) } });
const glance = await launchGlance();
try {
  await (await configureGlance(glance, server)).close();

  // Two conversations (the history lists both; the chat shows the last one).
  const chat = await openChat(glance);
  server.enqueue({ kind: 'text', text: 'Kelp forests are underwater forests of large brown algae.' });
  await sendMessage(chat, 'What is a kelp forest?');
  await waitForAnswerEnd(chat);
  await chat.getByRole('button', { name: 'New chat' }).click();
  server.enqueue({ kind: 'text', text: ANSWER });
  await sendMessage(chat, 'How do sea otters use tools?');
  await waitForAnswerEnd(chat);
  await chat.close();

  // The article in a tab: the popup's summary view (?tabId=) is about it.
  const tab = await glance.context.newPage();
  await tab.goto(`${pages.url}/article`);
  const worker = await glance.worker();
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, `${pages.url}/article`);

  for (const lang of LANGS) {
    const options = await glance.openPage('options.html');
    // The previous round left the interface in English (its first run starts there).
    await options.getByRole('combobox', { name: 'Interface language' }).selectOption(lang);
    await options.getByRole('button', { name: say(lang, 'testConnection') }).waitFor();

    // A summary in this language (summaries are stored per language).
    const popup = await glance.openPage(`popup.html?tabId=${tabId}`);
    server.enqueue({ kind: 'text', text: SUMMARY[lang] });
    await popup.getByRole('button', { name: say(lang, 'summarizePage') }).click({ timeout: 20_000 });
    await popup.getByRole('button', { name: say(lang, 'regenerate') }).waitFor({ timeout: 20_000 });
    const tabs = popup.getByRole('navigation', { name: 'Glance' });
    for (const scheme of SCHEMES) {
      for (const width of WIDTHS) {
        const prefix = `${lang}-${scheme}-${width}`;
        await view(options, scheme, width, HEIGHT.options);
        await shoot(options, `${prefix}-settings`);

        await view(popup, scheme, width, HEIGHT.popup);
        await tabs.getByRole('button', { name: say(lang, 'viewSummary') }).click();
        await popup.getByRole('button', { name: say(lang, 'regenerate') }).waitFor();
        await shoot(popup, `${prefix}-summary`);
        await tabs.getByRole('button', { name: say(lang, 'chatTab') }).click();
        await popup.getByText('const tool').waitFor();
        await shoot(popup, `${prefix}-chat`);
        await tabs.getByRole('button', { name: say(lang, 'historyTab') }).click();
        await popup
          .getByRole('list', { name: say(lang, 'historyListLabel') })
          .getByRole('listitem')
          .nth(1)
          .waitFor();
        await shoot(popup, `${prefix}-history`);

        // The card, on a page of the scheme's colours.
        const page = await glance.context.newPage();
        await view(page, scheme, width, HEIGHT.card);
        await page.goto(`${pages.url}/${scheme === 'dark' ? 'article-dark' : 'article'}`);
        const ax = await Ax.of(page);
        server.enqueue({ kind: 'text', text: TRANSLATION });
        await dragSelect(page, page.locator('#text'));
        await ax.click(await ax.find('button', say(lang, 'translateButton')));
        await ax.find('dialog', say(lang, 'translationTitle'));
        await ax.find('button', say(lang, 'translateAgain'), 15_000);
        await shoot(page, `${prefix}-card`);
        await page.close();
      }
    }
    await popup.close();
    await options.close();
  }
  console.log(
    `${written} screenshots in ${path.relative(process.cwd(), OUT) || '.'}/ (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
} finally {
  await closeAll(glance, pages, server);
}
