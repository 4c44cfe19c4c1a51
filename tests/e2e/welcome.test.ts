import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { PROTOCOL_TAG } from '@/utils/protocol';
import { answers, waitForAnswerEnd } from './chat-helpers';
import { closeAll } from './configure';
import { findWelcomePage, launchGlance, type Glance } from './harness';

// One fresh profile, driven in order as a new user would: the install opens the welcome page,
// the popup asks for a key, a wrong key is explained, the right one is tested and saved, and the
// popup answers. Nothing is configured behind the UI's back.
let server: FakeServer;
let glance: Glance;
let welcome: Page;

beforeAll(async () => {
  server = await startFakeServer();
  glance = await launchGlance({ keepWelcome: true });
  welcome = await findWelcomePage(glance.context, glance.extensionId);
}, 60_000);
afterAll(() => closeAll(glance, server));

/** The toolbar icon's badge and title, read in the service worker. */
async function icon(): Promise<{ text: string; title: string }> {
  const worker = await glance.worker();
  return worker.evaluate(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));
}

/** Sends one of Glance's messages from an extension page, as the settings page would. */
async function send(page: Page, name: string, data: unknown): Promise<unknown> {
  return page.evaluate(([protocol, name, data]) => chrome.runtime.sendMessage({ protocol, name, data }), [
    PROTOCOL_TAG,
    name,
    data,
  ] as const);
}

const status = () => welcome.getByRole('status').first();
const chatRequests = () => server.requests.filter((request) => request.path === '/v1/chat/completions');

describe('first run', () => {
  it('a fresh profile opens the welcome page, and the icon carries a badge titled "Connect your API key"', async () => {
    await welcome.getByRole('heading', { name: 'Welcome to Glance' }).waitFor();
    await welcome.getByRole('combobox', { name: 'Provider' }).waitFor();
    await welcome.getByRole('textbox', { name: 'API key' }).waitFor();
    await welcome.getByRole('button', { name: 'Test and save' }).waitFor();
    await expect.poll(icon, { timeout: 5_000 }).toEqual({ text: '!', title: 'Glance: connect your API key' });
    // A preset needs nothing but the key: its endpoint and model are filled (OpenAI on a new install, DeepSeek...).
    for (const provider of ['OpenAI', 'DeepSeek']) {
      await welcome.getByRole('combobox', { name: 'Provider' }).selectOption({ label: provider });
      expect(await welcome.getByRole('textbox', { name: 'Base URL' }).count()).toBe(0);
      expect(await welcome.getByRole('textbox', { name: 'Model' }).count()).toBe(0);
    }
    await welcome.getByText('https://api.deepseek.com/v1', { exact: true }).waitFor();
    await welcome.getByRole('link', { name: 'https://platform.deepseek.com/api_keys' }).waitFor();
    // Step 3 waits for a key that works.
    expect(await welcome.getByRole('button', { name: 'Try it' }).count()).toBe(0);
  });

  it('before setup the popup shows "Connect your API key" and no composer; the button brings back the open welcome tab', async () => {
    const popup = await glance.openPage('popup.html');
    const connect = popup.getByRole('button', { name: 'Connect your API key' });
    await connect.waitFor();
    expect(await popup.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
    await connect.click();
    await expect.poll(() => welcome.evaluate(() => document.visibilityState), { timeout: 5_000 }).toBe('visible');
    const welcomeTabs = glance.context.pages().filter((page) => page.url().includes('/welcome.html'));
    expect(welcomeTabs).toHaveLength(1);
    await popup.close();
    // The side panel the same.
    const panel = await glance.openPage('sidepanel.html');
    await panel.getByRole('button', { name: 'Connect your API key' }).waitFor();
    expect(await panel.getByRole('textbox').count()).toBe(0);
    await panel.close();
  });

  it('says what to do next on a missing or rejected key, and saves nothing that failed', async () => {
    await welcome.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Custom (OpenAI-compatible)' });
    await welcome.getByRole('textbox', { name: 'Base URL' }).fill(server.baseURL);
    await welcome.getByRole('textbox', { name: 'Model' }).fill('gpt-4o-mini');

    await welcome.getByRole('button', { name: 'Test and save' }).click();
    await expect.poll(() => status().textContent()).toBe('Paste your API key in the box above, then press Test and save.');

    await welcome.getByRole('textbox', { name: 'API key' }).fill('sk-wrong-0000000000000000000000');
    await welcome.getByRole('button', { name: 'Test and save' }).click();
    await expect.poll(() => status().getAttribute('data-code'), { timeout: 15_000 }).toBe('invalid_key');
    const text = (await status().textContent()) ?? '';
    expect(text).toMatch(/^The API key was rejected\. Check that you pasted the whole key/);
    expect(text).not.toMatch(/settings/i);
    // Nothing was stored: the provider is still the default, no key, the badge stays.
    const saved = await glance.worker().then((worker) => worker.evaluate(() => chrome.storage.local.get('settings')));
    expect((saved.settings as { provider?: string } | undefined)?.provider ?? 'openai').toBe('openai');
    expect(await send(welcome, 'getKeyStatus', { provider: 'custom' })).toMatchObject({ ok: true, data: { hasKey: false } });
    expect((await icon()).text).toBe('!');
  });

  it('provider + key + Test and save, then the popup answers: at most 6 clicks after pasting the key', async () => {
    server.reset();
    await welcome.getByRole('textbox', { name: 'API key' }).fill(server.apiKey);
    let clicks = 0;
    const click = async (page: Page, name: string) => {
      clicks += 1;
      await page.getByRole('button', { name }).click();
    };

    await click(welcome, 'Test and save');
    await expect.poll(() => status().textContent(), { timeout: 15_000 }).toMatch(/^It works: gpt-4o-mini answered in \d+ ms\./);
    await expect.poll(icon, { timeout: 5_000 }).toEqual({ text: '', title: 'Glance' });
    // Step 3: how to use Glance, the selection button's site access (not granted in a fresh profile), Try it.
    await welcome.getByText(/^Pin Glance:/).waitFor();
    await welcome.getByRole('button', { name: 'Allow on all sites' }).waitFor();

    const [chat] = await Promise.all([glance.context.waitForEvent('page'), click(welcome, 'Try it')]);
    await chat.waitForURL(/\/popup\.html/);
    const box = chat.getByRole('textbox', { name: 'Message' });
    await box.waitFor();
    server.enqueue({ kind: 'text', text: 'Glance works.' });
    await box.fill('Does it work?');
    await click(chat, 'Send');
    await waitForAnswerEnd(chat);
    await expect.poll(() => answers(chat).last().textContent()).toContain('Glance works.');

    console.log(`[welcome] clicks from the pasted key to the first answer (custom endpoint): ${clicks}`);
    expect(clicks).toBeLessThanOrEqual(6);
    // What worked is what was stored and used: the endpoint, the model and the key.
    const body = chatRequests().at(-1)!.body as { model: string; messages: { content: string }[] };
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.messages.at(-1)!.content).toBe('Does it work?');
    expect(chatRequests().at(-1)!.headers.authorization).toBe(`Bearer ${server.apiKey}`);
    expect(server.validationErrors).toEqual([]);
    await chat.close();
  });

  it('keeps the key after a reload; removing it brings back the badge and the card', async () => {
    await welcome.reload();
    await welcome.getByRole('button', { name: 'Try it' }).waitFor();
    expect(await send(welcome, 'getKeyStatus', { provider: 'custom' })).toMatchObject({ ok: true, data: { hasKey: true } });
    // Reopened, the page tests the saved key when the field is left empty.
    const keyField = welcome.getByRole('textbox', { name: 'API key' });
    await expect.poll(() => keyField.getAttribute('placeholder')).toMatch(/^Saved key ending in …0000;/);
    expect(await keyField.inputValue()).toBe('');
    await welcome.getByRole('button', { name: 'Test and save' }).click();
    await expect.poll(() => status().textContent(), { timeout: 15_000 }).toMatch(/^It works: gpt-4o-mini answered/);

    await send(welcome, 'saveApiKey', { provider: 'custom', apiKey: '' });
    await expect.poll(icon, { timeout: 5_000 }).toEqual({ text: '!', title: 'Glance: connect your API key' });
    const popup = await glance.openPage('popup.html');
    await popup.getByRole('button', { name: 'Connect your API key' }).waitFor();
    expect(await popup.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
    await popup.close();
  });
});
