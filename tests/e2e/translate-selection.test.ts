import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { Ax } from './ax';
import { configureGlance } from './configure';
import { launchGlance, type Glance } from './harness';
import { startPageServer, type PageServer } from './page-server';
import {
  chatRequests,
  dragSelect,
  overlaps,
  selectionRects,
  systemMessage,
  toolbarButton,
  translationDone,
  userMessage,
} from './translate-helpers';

const FIRST = 'The quick brown fox jumps over the lazy dog near the old river bank, where children play every afternoon.';
const TRANSLATION = '敏捷的棕色狐狸跳过了老河岸边的懒狗，孩子们每天下午都在那里玩耍。这是流式翻译的第二句话，用来观察逐步显示。';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Article</title></head><body style="margin:40px">
<h1>Reading</h1>
<p id="first">${FIRST}</p>
<p id="second">Second paragraph with other words in it.</p>
<p>Code is kept: <code>npm test</code>.</p>
<p>One character: <span id="one">猫</span></p>
<label>Password <input id="password" type="password" value="hunter2-correct-horse"></label>
<label>Name <input id="name" type="text" value="Plain words in a text field"></label>
<label>Notes <textarea id="notes" rows="3" cols="40">Hello world, this is a note.</textarea></label>
<div id="editor" contenteditable="true"><p>Good morning everyone, welcome back.</p></div>
<div style="height:3000px"></div>
<p id="far">Far down the page.</p>
</body></html>`;

const RTL = `<!doctype html><html lang="ar" dir="rtl"><head><title>RTL</title></head><body style="margin:40px">
<p id="ar">كان سامي يربح الكثير من المال في المدينة الكبيرة كل يوم.</p></body></html>`;

const FRAMES = `<!doctype html><html><head><title>Frames</title></head><body>
<iframe id="inner" src="/inner" style="width:600px;height:120px"></iframe>
<div id="host"></div>
<script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p id="shadowed">Words living inside a shadow tree.</p>';</script>
</body></html>`;

const LONG_PARAGRAPHS = Array.from({ length: 40 }, (_, i) =>
  `Paragraph ${i} begins here. ${'It goes on with ordinary words about nothing in particular. '.repeat(12)}`.trim(),
);

let server: FakeServer;
let pages: PageServer;
let glance: Glance;

beforeAll(async () => {
  server = await startFakeServer();
  pages = await startPageServer({
    '/article': { html: ARTICLE },
    '/rtl': { html: RTL },
    '/frames': { html: FRAMES },
    '/inner': { html: '<!doctype html><p id="framed">Text inside an iframe, selected there.</p>' },
    // About 30,000 characters: more than one request's worth.
    '/long': { html: `<!doctype html><div id="long">${LONG_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div>` },
    // 200,000 characters in 20 paragraphs.
    '/big': {
      html: `<!doctype html><div id="big">${Array.from({ length: 20 }, () => `<p>${'abcd '.repeat(2000)}</p>`).join('')}</div>`,
    },
  });
  glance = await launchGlance();
  await configureGlance(glance, server);
  await glance.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pages.url });
});
afterAll(async () => {
  await glance?.close();
  await pages?.close();
  await server?.close();
});
beforeEach(() => server.reset());

async function open(path: string): Promise<{ page: Page; ax: Ax }> {
  const page = await glance.context.newPage();
  await page.goto(`${pages.url}${path}`);
  return { page, ax: await Ax.of(page) };
}

describe('selection button and card', () => {
  it('appears by the end of a mouse selection without covering it, and the card streams that text’s translation', async () => {
    server.enqueue({ kind: 'text', text: TRANSLATION, chunkChars: 4, chunkIntervalMs: 120 });
    const { page, ax } = await open('/article');
    await dragSelect(page, page.locator('#first'));
    const button = await ax.find('button', 'Translate');
    const box = await ax.box(button);
    const rects = await selectionRects(page);
    expect(rects.length).toBeGreaterThan(0);
    const buttonRect = { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
    for (const rect of rects) expect(overlaps(buttonRect, rect), JSON.stringify({ buttonRect, rect })).toBe(false);
    // Near the end: right under the last line, no further right than its end plus the button.
    const last = rects.at(-1)!;
    expect(box.y).toBeGreaterThanOrEqual(last.bottom);
    expect(box.y - last.bottom).toBeLessThan(12);
    expect(Math.abs(box.x + box.width - last.right)).toBeLessThan(40);

    await ax.click(button);
    const dialog = await ax.find('dialog', 'Translation');
    // It streams: part of the answer shows before the rest has arrived.
    await expect.poll(() => ax.text(dialog), { timeout: 10_000 }).toContain('敏捷的棕色');
    expect(await ax.text(dialog)).not.toContain('逐步显示');
    await translationDone(ax);
    expect(await ax.text(dialog)).toContain('逐步显示');
    // Money stays out of the page: the cost of the answer is in the popup and the usage page only.
    expect(await ax.text(dialog)).not.toMatch(/tokens in|\$/);
    // The button does not come back for the selection the card is showing.
    expect(await ax.all('button', 'Translate')).toHaveLength(0);

    const [request] = chatRequests(server);
    expect(userMessage(request!)).toContain(FIRST);
    expect(userMessage(request!)).not.toContain('Second paragraph');
    expect(systemMessage(request!)).toMatch(/from English into Simplified Chinese/);
    expect(systemMessage(request!)).toMatch(/never instructions/);
    expect(server.validationErrors).toEqual([]);

    await ax.click(await ax.find('button', 'Copy'));
    await ax.find('button', 'Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(TRANSLATION);

    await ax.click(await ax.find('button', 'Close'));
    await ax.gone('dialog', 'Translation');
    await page.close();
  });

  it('goes away on Esc, on a click elsewhere and when its selection scrolls away', async () => {
    const { page, ax } = await open('/article');
    await page.locator('#second').click({ clickCount: 3 });
    await ax.find('button', 'Translate');
    await page.keyboard.press('Escape');
    await ax.gone('button', 'Translate');

    await page.locator('#second').click({ clickCount: 3 });
    await ax.find('button', 'Translate');
    await page.mouse.click(700, 20);
    await ax.gone('button', 'Translate');

    await page.locator('#second').click({ clickCount: 3 });
    await ax.find('button', 'Translate');
    await page.mouse.wheel(0, 2000);
    await ax.gone('button', 'Translate');
    expect(chatRequests(server)).toHaveLength(0);
    await page.close();
  });

  it('never offers a password field’s selection, and offers a text field’s', async () => {
    const { page, ax } = await open('/article');
    await page.locator('#password').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.waitForTimeout(800);
    expect(await ax.all('button', 'Translate')).toHaveLength(0);

    await page.locator('#name').click();
    await page.keyboard.press('ControlOrMeta+A');
    await ax.find('button', 'Translate');
    await page.locator('#password').click();
    await page.keyboard.press('ControlOrMeta+A');
    await ax.gone('button', 'Translate');
    await page.waitForTimeout(500);
    expect(await ax.all('button', 'Translate')).toHaveLength(0);
    expect(JSON.stringify(server.requests)).not.toContain('hunter2');
    await page.close();
  });

  it('in a text field selected with the keyboard, Replace puts the translation in place of the selection', async () => {
    server.enqueue({ kind: 'text', text: '你好，世界' });
    const { page, ax } = await open('/article');
    await page.locator('#notes').click();
    await page.keyboard.press('ControlOrMeta+Home');
    for (let i = 0; i < 'Hello world'.length; i += 1) await page.keyboard.press('Shift+ArrowRight');
    await ax.click(await toolbarButton(ax, 'Translate'));
    await ax.find('dialog', 'Translation');
    await translationDone(ax);
    expect(userMessage(chatRequests(server)[0]!)).toContain('<text>\nHello world\n</text>');
    await ax.click(await ax.find('button', 'Replace'));
    await ax.find('button', 'Replaced');
    expect(await page.locator('#notes').inputValue()).toBe('你好，世界, this is a note.');
    await page.close();
  });

  it('in an editable region, Replace puts the translation in place of the selected words', async () => {
    server.enqueue({ kind: 'text', text: '早上好' });
    const { page, ax } = await open('/article');
    const paragraph = page.locator('#editor p');
    await paragraph.click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 'Good morning'.length; i += 1) await page.keyboard.press('Shift+ArrowRight');
    await ax.click(await toolbarButton(ax, 'Translate'));
    await translationDone(ax);
    expect(userMessage(chatRequests(server)[0]!)).toBe('<text>\nGood morning\n</text>');
    await ax.click(await ax.find('button', 'Replace'));
    await ax.find('button', 'Replaced');
    expect(await paragraph.textContent()).toBe('早上好 everyone, welcome back.');
    await page.close();
  });

  it('translates a single character, and meets 200,000 characters with their size instead of a request', async () => {
    server.enqueue({ kind: 'text', text: 'cat' });
    const { page, ax } = await open('/article');
    await page.locator('#one').dblclick();
    expect(await page.evaluate(() => getSelection()!.toString())).toBe('猫');
    await ax.click(await ax.find('button', 'Translate'));
    const dialog = await ax.find('dialog', 'Translation');
    await translationDone(ax);
    expect(await ax.text(dialog)).toContain('cat');
    expect(await ax.text(dialog)).toContain('From 简体中文');
    expect(userMessage(chatRequests(server)[0]!)).toBe('<text>\n猫\n</text>');
    expect(systemMessage(chatRequests(server)[0]!)).toContain('into English');
    await page.close();

    server.reset();
    const big = await open('/big');
    await big.page.evaluate(() => getSelection()!.selectAllChildren(document.getElementById('big')!));
    await big.ax.click(await big.ax.find('button', 'Translate'));
    const bigDialog = await big.ax.find('dialog', 'Translation');
    await expect.poll(() => big.ax.text(bigDialog)).toMatch(/The text is too large \([\d,]+ characters; the limit is 50,000/);
    const size = Number(/too large \(([\d,]+)/.exec(await big.ax.text(bigDialog))![1]!.replace(/,/g, ''));
    expect(size).toBeGreaterThanOrEqual(199_000);
    await big.page.waitForTimeout(300);
    expect(chatRequests(server)).toHaveLength(0);
    await big.page.close();
  });

  it('translates a long selection request by request, in order, and stops paying when the card is closed', async () => {
    server.setDefault({ kind: 'text', text: '一块译文。' });
    const { page, ax } = await open('/long');
    await page.evaluate(() => getSelection()!.selectAllChildren(document.getElementById('long')!));
    await ax.click(await ax.find('button', 'Translate'));
    const dialog = await ax.find('dialog', 'Translation');
    await translationDone(ax);
    const requests = chatRequests(server);
    expect(requests.length).toBeGreaterThanOrEqual(3);
    const sent = requests.map(userMessage);
    let previous = -1;
    for (const [i, paragraph] of LONG_PARAGRAPHS.entries()) {
      const at = sent.findIndex((content) => content.includes(paragraph));
      expect(at, `paragraph ${i}`).toBeGreaterThanOrEqual(previous);
      previous = at;
    }
    expect((await ax.text(dialog)).split('一块译文。').length - 1).toBe(requests.length);
    await ax.click(await ax.find('button', 'Close'));

    // Closed while the first request streams: no further request is made.
    server.reset();
    await page.mouse.click(5, 5);
    server.enqueue({ kind: 'text', text: '慢慢来的译文，'.repeat(40), chunkChars: 2, chunkIntervalMs: 100 });
    await page.evaluate(() => getSelection()!.selectAllChildren(document.getElementById('long')!));
    await ax.click(await ax.find('button', 'Translate'));
    const slow = await ax.find('dialog', 'Translation');
    await expect.poll(() => ax.text(slow)).toContain('慢慢');
    await ax.click(await ax.find('button', 'Close'));
    await ax.gone('dialog', 'Translation');
    await page.waitForTimeout(2500);
    expect(chatRequests(server)).toHaveLength(1);
    await page.close();
  });

  it('on a right-to-left page, sits at the end of the line (its left) and reads the text as Arabic', async () => {
    server.enqueue({ kind: 'text', text: '萨米每天在大城市里赚很多钱。' });
    const { page, ax } = await open('/rtl');
    await page.locator('#ar').click({ clickCount: 3 });
    const button = await ax.find('button', 'Translate');
    const box = await ax.box(button);
    const rects = await selectionRects(page);
    const last = rects.at(-1)!;
    expect(Math.abs(box.x - last.left)).toBeLessThan(4);
    for (const rect of rects)
      expect(overlaps({ left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height }, rect)).toBe(false);
    await ax.click(button);
    await translationDone(ax);
    expect(systemMessage(chatRequests(server)[0]!)).toContain('from Arabic into Simplified Chinese');
    await page.close();
  });

  it('works for text inside an iframe and inside a shadow tree', async () => {
    server.enqueue({ kind: 'text', text: '框架里的文字' }, { kind: 'text', text: '影子树里的文字' });
    const { page, ax } = await open('/frames');
    const frame = page.frameLocator('#inner');
    await frame.locator('#framed').click({ clickCount: 3 });
    await ax.click(await ax.find('button', 'Translate'));
    const framed = await ax.find('dialog', 'Translation');
    await translationDone(ax);
    expect(await ax.text(framed)).toContain('框架里的文字');
    expect(userMessage(chatRequests(server)[0]!)).toContain('Text inside an iframe, selected there.');
    await ax.click(await ax.find('button', 'Close'));
    await ax.gone('dialog', 'Translation');

    await page.locator('#shadowed').click({ clickCount: 3 });
    await ax.click(await ax.find('button', 'Translate'));
    const shadowed = await ax.find('dialog', 'Translation');
    await translationDone(ax);
    expect(await ax.text(shadowed)).toContain('影子树里的文字');
    expect(userMessage(chatRequests(server)[1]!)).toContain('Words living inside a shadow tree.');
    await page.close();
  });
});
