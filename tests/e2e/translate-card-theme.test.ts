import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { Ax } from './ax';
import { closeAll, configureGlance } from './configure';
import { launchGlance, type Glance } from './harness';
import { startPageServer, type PageServer } from './page-server';
import { dragSelect, translationDone } from './translate-helpers';

const TEXT = 'The quick brown fox jumps over the lazy dog near the old river bank.';
const pageOf = (style: string) =>
  `<!doctype html><html lang="en"><head><title>Theme</title></head><body style="margin:40px;${style}"><p id="text">${TEXT}</p></body></html>`;

let server: FakeServer;
let pages: PageServer;
let glance: Glance;

beforeAll(async () => {
  server = await startFakeServer();
  pages = await startPageServer({
    // A page that paints nothing: the browser's white canvas.
    '/plain': { html: pageOf('') },
    '/dark': { html: pageOf('background:#121212;color:#e0e0e0') },
  });
  glance = await launchGlance();
  await (await configureGlance(glance, server)).close();
});
afterAll(() => closeAll(glance, pages, server));
beforeEach(() => server.reset());

const lightnessOf = (colour: string) => {
  const [r, g, b] = colour.match(/\d+/g)!.map(Number);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

/** Translates the page's paragraph through the selection button; returns the card's background lightness (0–255). */
async function cardOn(path: string, system: 'light' | 'dark') {
  const page = await glance.context.newPage();
  await page.emulateMedia({ colorScheme: system });
  await page.goto(`${pages.url}${path}`);
  const ax = await Ax.of(page);
  server.enqueue({ kind: 'text', text: '敏捷的棕色狐狸跳过了懒狗。' });
  await dragSelect(page, page.locator('#text'));
  await ax.click(await ax.find('button', 'Translate'));
  const dialog = await ax.find('dialog', 'Translation');
  await translationDone(ax);
  const background = await ax.call<string>(dialog, 'function () { return getComputedStyle(this).backgroundColor; }');
  return { page, ax, lightness: lightnessOf(background) };
}

/** Selects the page's paragraph; returns its selection button's background lightness (0–255), once settled. */
async function buttonOn(path: string, system: 'light' | 'dark', expected: (lightness: number) => boolean) {
  const page = await glance.context.newPage();
  await page.emulateMedia({ colorScheme: system });
  await page.goto(`${pages.url}${path}`);
  const ax = await Ax.of(page);
  await dragSelect(page, page.locator('#text'));
  const button = await ax.find('button', 'Translate');
  const read = async () =>
    lightnessOf(await ax.call<string>(button, 'function () { return getComputedStyle(this).backgroundColor; }'));
  await expect.poll(async () => expected(await read()), { timeout: 10_000 }).toBe(true);
  return { page, lightness: await read() };
}

it('is light on a white page in a dark-themed system, and says "Translate again" (not Retry) after it worked', async () => {
  const { page, ax, lightness } = await cardOn('/plain', 'dark');
  expect(lightness).toBeGreaterThan(200);
  expect(await ax.all('button', 'Retry')).toHaveLength(0);
  expect(await ax.all('button', 'Translate again')).toHaveLength(1);
  await page.close();
});

it('is dark on a dark page in a light-themed system', async () => {
  const { page, lightness } = await cardOn('/dark', 'light');
  expect(lightness).toBeLessThan(60);
  await page.close();
});

it('the selection button follows the page too, not the system: light on a white page, dark on a dark one', async () => {
  const light = await buttonOn('/plain', 'dark', (lightness) => lightness > 200);
  expect(light.lightness).toBeGreaterThan(200);
  await light.page.close();
  const dark = await buttonOn('/dark', 'light', (lightness) => lightness < 60);
  expect(dark.lightness).toBeLessThan(60);
  await dark.page.close();
});
