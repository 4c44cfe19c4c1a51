import type { Page } from 'playwright-core';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { launchGlance, type Glance } from './harness';

/** Fills the settings form the way a person does. */
export async function fillConnection(
  page: Page,
  values: { baseURL: string; apiKey?: string; model?: string; provider?: string },
): Promise<void> {
  await page.getByRole('combobox', { name: 'Provider' }).selectOption({ label: values.provider ?? 'Custom (OpenAI-compatible)' });
  await page.getByRole('textbox', { name: 'Base URL' }).fill(values.baseURL);
  if (values.apiKey !== undefined) await page.getByRole('textbox', { name: 'API key' }).fill(values.apiKey);
  await page.getByRole('combobox', { name: 'Model', exact: true }).fill(values.model ?? 'gpt-4o-mini');
}

/** Points Glance at the fake server through its settings page and saves; returns the page. */
export async function configureGlance(glance: Glance, server: FakeServer, model = 'gpt-4o-mini'): Promise<Page> {
  const page = await glance.openPage('options.html');
  await fillConnection(page, { baseURL: server.baseURL, apiKey: server.apiKey, model });
  await page.getByRole('button', { name: 'Save' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /^Saved\.$/ })
    .waitFor();
  return page;
}

/** A fake server and a Glance configured for it, for a test file's `beforeAll`. */
export async function startConfiguredGlance(): Promise<{ server: FakeServer; glance: Glance }> {
  const server = await startFakeServer();
  const glance = await launchGlance();
  await (await configureGlance(glance, server)).close();
  return { server, glance };
}

/** Closes what a test file started (browser first), skipping what never started. */
export async function closeAll(...started: ({ close(): Promise<void> } | undefined)[]): Promise<void> {
  for (const thing of started) await thing?.close();
}
