import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FakeServer } from '@/tests/fake-server';
import { closeAll, startConfiguredGlance } from './configure';
import type { Glance } from './harness';

/** The settings page's side navigation: one link per section, the one in view marked, every section addressable. */

let server: FakeServer;
let glance: Glance;

beforeAll(async () => ({ server, glance } = await startConfiguredGlance()));
afterAll(() => closeAll(glance, server));

const SECTIONS = [
  'Connection & language',
  'Chat',
  'Summaries',
  'Translation',
  'Actions',
  'Ask (side panel)',
  'Usage & budgets',
  'About',
];

const nav = (page: Page) => page.getByRole('navigation', { name: 'Settings sections' });
/** The name of the link marked as the section in view. */
const currentLink = (page: Page) => nav(page).locator('a[aria-current="true"]').textContent();
/** Where a section's top is, in pixels from the top of the window. */
const topOf = (page: Page, id: string) => page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, id);

it('lists every section in a navigation landmark, the first one current at the top of the page', async () => {
  const page = await glance.openPage('options.html');
  await page.getByRole('button', { name: 'Test connection' }).waitFor();
  expect(await nav(page).getByRole('link').allTextContents()).toEqual(SECTIONS);
  expect(await currentLink(page)).toBe('Connection & language');
  await page.close();
});

it('clicking “Usage & budgets” shows that section and marks it current; scrolling back marks Chat', async () => {
  const page = await glance.openPage('options.html');
  await page.getByRole('button', { name: 'Test connection' }).waitFor();
  await nav(page).getByRole('link', { name: 'Usage & budgets' }).click();
  await page.waitForURL(/options\.html#usage$/);
  await expect.poll(() => currentLink(page), { timeout: 5000 }).toBe('Usage & budgets');
  await expect.poll(() => topOf(page, 'usage'), { timeout: 5000 }).toBeLessThan(40);
  expect(await topOf(page, 'usage')).toBeGreaterThan(-1);
  await expect.poll(() => page.getByRole('region', { name: 'Usage' }).isVisible()).toBe(true);

  // Scrolling by hand moves the mark with the page.
  await page.evaluate(() => document.getElementById('chat')!.scrollIntoView());
  await expect.poll(() => currentLink(page), { timeout: 5000 }).toBe('Chat');
  await page.close();
});

it('opens options.html#usage on its section, and #translate on Translation', async () => {
  for (const [hash, link] of [
    ['usage', 'Usage & budgets'],
    ['translate', 'Translation'],
  ] as const) {
    const page = await glance.openPage(`options.html#${hash}`);
    await page.getByRole('button', { name: 'Test connection' }).waitFor();
    await expect.poll(() => currentLink(page), { timeout: 5000 }).toBe(link);
    await expect.poll(async () => Math.abs(await topOf(page, hash)), { timeout: 5000 }).toBeLessThan(40);
    await page.close();
  }
});

it('keeps prices under an Advanced disclosure in Usage & budgets', async () => {
  const page = await glance.openPage('options.html#usage');
  const advanced = page.getByText('Advanced: model prices');
  await advanced.waitFor();
  const prices = page.getByRole('region', { name: 'Prices' });
  expect(await prices.isVisible()).toBe(false);
  await advanced.click();
  await prices.waitFor();
  expect(await prices.getByRole('table').isVisible()).toBe(true);
  await page.close();
});

it('puts the navigation above the sections in a narrow window, with nothing cut off at the side', async () => {
  const page = await glance.openPage('options.html');
  await page.setViewportSize({ width: 380, height: 700 });
  await page.getByRole('button', { name: 'Test connection' }).waitFor();
  const navBox = (await nav(page).boundingBox())!;
  const heading = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
  expect(navBox.y + navBox.height).toBeLessThanOrEqual(heading.y + 1);
  expect(navBox.x + navBox.width).toBeLessThanOrEqual(380);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
  const body = await page.evaluate(() => getComputedStyle(document.body).fontSize);
  expect(body).toBe('14px');
  await page.close();
});
