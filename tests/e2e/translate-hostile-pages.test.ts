import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { Ax } from './ax';
import { configureGlance } from './configure';
import { launchGlance, type Glance } from './harness';
import { startPageServer, type PageServer } from './page-server';
import { chatRequests, dragSelect, translationDone, userMessage } from './translate-helpers';

const TEXT = 'Pages may forbid every inline style and script, yet the card must still work.';

/** No inline style, no inline script, nothing from anywhere: the strictest CSP a page can send. */
const STRICT = `<!doctype html><html><head><title>Strict</title><style>p { color: red; }</style></head>
<body><p id="text">${TEXT}</p><script>document.body.dataset.inline = 'ran';</script></body></html>`;

/** A page whose CSS reaches for every element: unset everything, giant fonts, odd colours. */
const HOSTILE = `<!doctype html><html><head><title>Hostile</title><style>
* { all: unset !important; }
html { font-size: 72px !important; color: #0f0 !important; background: #000 !important; }
p, div, span, button, section { display: block !important; font-size: 60px !important; line-height: 3 !important; letter-spacing: 12px !important; }
html > div { display: none !important; opacity: 0 !important; transform: scale(5) !important; }
</style></head><body><p id="text">${TEXT}</p><p id="other">Another paragraph.</p><button id="own">Own button</button></body></html>`;

let server: FakeServer;
let pages: PageServer;
let glance: Glance;

beforeAll(async () => {
  server = await startFakeServer();
  pages = await startPageServer({
    '/strict': { html: STRICT, headers: { 'content-security-policy': "default-src 'none'" } },
    '/hostile': { html: HOSTILE },
  });
  glance = await launchGlance();
  await configureGlance(glance, server);
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

it("works on a page whose CSP is default-src 'none'", async () => {
  server.enqueue({ kind: 'text', text: '严格的页面也能翻译。', chunkIntervalMs: 30 });
  const { page, ax } = await open('/strict');
  // The policy is really in force: the page's own inline script and style were blocked.
  expect(await page.evaluate(() => document.body.dataset.inline)).toBeUndefined();
  expect(await page.locator('#text').evaluate((p) => getComputedStyle(p).color)).not.toBe('rgb(255, 0, 0)');

  await dragSelect(page, page.locator('#text'));
  const button = await ax.find('button', 'Translate');
  const box = await ax.box(button);
  expect(box.width).toBe(28);
  expect(await ax.style(button, 'border-radius')).toBe('50%');
  await ax.click(button);
  const dialog = await ax.find('dialog', 'Translation');
  await translationDone(ax);
  expect(await ax.text(dialog)).toContain('严格的页面也能翻译。');
  // Styled by its own sheet despite the CSP: opaque card, its own font size.
  expect(await ax.style(dialog, 'background-color')).toMatch(/^rgb\((255, 255, 255|31, 32, 35)\)$/);
  expect(await ax.style(dialog, 'font-size')).toBe('14px');
  expect(userMessage(chatRequests(server)[0]!)).toContain(TEXT);
  await page.close();
});

it('keeps its look on a page with * { all: unset !important } and huge fonts, and leaks nothing into the page', async () => {
  server.enqueue({ kind: 'text', text: '敌意页面上的卡片保持原样。' });
  const { page, ax } = await open('/hostile');
  const pageStyle = () =>
    page.evaluate(() => {
      const own = document.getElementById('own')!;
      const style = getComputedStyle(own);
      return {
        font: style.fontSize,
        color: style.color,
        background: style.backgroundColor,
        sheets: document.styleSheets.length,
        adopted: document.adoptedStyleSheets.length,
      };
    });
  const before = await pageStyle();

  await dragSelect(page, page.locator('#text'));
  const button = await ax.find('button', 'Translate');
  const box = await ax.box(button);
  expect(box.width).toBe(28);
  expect(box.height).toBe(28);
  expect(await ax.style(button, 'font-size')).toBe('11px');
  await ax.click(button);
  const dialog = await ax.find('dialog', 'Translation');
  await translationDone(ax);
  expect(await ax.text(dialog)).toContain('敌意页面上的卡片保持原样。');
  const card = await ax.box(dialog);
  expect(card.width).toBeGreaterThan(300);
  expect(card.width).toBeLessThanOrEqual(400);
  expect(await ax.style(dialog, 'font-size')).toBe('14px');
  expect(await ax.style(dialog, 'letter-spacing')).toBe('normal');
  expect(await ax.style(dialog, 'background-color')).toMatch(/^rgb\((255, 255, 255|31, 32, 35)\)$/);
  const copy = await ax.find('button', 'Copy');
  expect((await ax.box(copy)).height).toBeLessThan(40);

  // The page's own elements look exactly as before: no style of ours reached them.
  expect(await pageStyle()).toEqual(before);
  await page.close();
});
