import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { fillConnection } from './configure';
import { launchGlance, type Glance } from './harness';

let server: FakeServer;
let glance: Glance;

beforeAll(async () => {
  server = await startFakeServer();
  glance = await launchGlance();
});
afterAll(async () => {
  await glance?.close();
  await server?.close();
});
beforeEach(() => server.reset());

const status = (page: import('playwright-core').Page) => page.getByRole('status');
const statusText = (page: import('playwright-core').Page) => status(page).textContent();

describe('settings page: Test connection', () => {
  it('succeeds against the endpoint, listing models and making a 1-token chat call', async () => {
    const page = await glance.openPage('options.html');
    await fillConnection(page, { baseURL: server.baseURL, apiKey: server.apiKey });
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => statusText(page), { timeout: 10_000 })
      .toMatch(/^Connected and saved\. gpt-4o-mini answered in \d+ ms \(\d+ models available\)\.$/);
    expect(await status(page).getAttribute('class')).toContain('status-success');

    const paths = server.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(['GET /v1/models', 'POST /v1/chat/completions']);
    expect(server.requests[1]!.body).toMatchObject({ model: 'gpt-4o-mini', max_tokens: 1, stream: true });
    expect(server.validationErrors).toEqual([]);
    // The model field's dropdown now offers the endpoint's models: ArrowDown opens it, typing filters it.
    const model = page.getByRole('combobox', { name: 'Model', exact: true });
    await model.focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('listbox', { name: 'Models' }).getByRole('option').allTextContents()).toContain('gpt-4.1-mini');
    await page.keyboard.press('Escape');
    expect(await model.getAttribute('aria-expanded')).toBe('false');

    // What worked is kept: after a reload the stored key shows as its last four characters.
    await page.reload();
    const key = page.getByRole('textbox', { name: 'API key' });
    await expect.poll(() => key.getAttribute('placeholder')).toContain(`…${server.apiKey.slice(-4)}`);
    expect(await page.getByRole('textbox', { name: 'Base URL' }).inputValue()).toBe(server.baseURL);
    await page.close();
  });

  it('explains a wrong key, and keeps what was typed', async () => {
    const page = await glance.openPage('options.html');
    await fillConnection(page, { baseURL: server.baseURL, apiKey: 'sk-wrong-key-1234567890' });
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => statusText(page), { timeout: 10_000 }).toMatch(/The API key was rejected/);
    expect(await status(page).getAttribute('data-code')).toBe('invalid_key');
    expect(await page.getByRole('textbox', { name: 'API key' }).inputValue()).toBe('sk-wrong-key-1234567890');
    expect(await page.getByRole('textbox', { name: 'Base URL' }).inputValue()).toBe(server.baseURL);
    await page.close();
  });

  it('explains a port where nothing listens as a network problem', async () => {
    const page = await glance.openPage('options.html');
    await fillConnection(page, { baseURL: 'http://127.0.0.1:9/v1', apiKey: 'sk-anything-000000000000' });
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => statusText(page), { timeout: 20_000 }).toMatch(/Could not reach 127\.0\.0\.1:9/);
    expect(await status(page).getAttribute('data-code')).toBe('network');
    await page.close();
  });

  it('explains a relay that answers with a web page', async () => {
    server.setModelsResponse({ kind: 'html', status: 200 });
    const page = await glance.openPage('options.html');
    await fillConnection(page, { baseURL: server.baseURL, apiKey: server.apiKey });
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => statusText(page), { timeout: 10_000 }).toMatch(/answered with a web page instead of the API/);
    await page.close();
  });

  it('explains an unknown model', async () => {
    const page = await glance.openPage('options.html');
    await fillConnection(page, { baseURL: server.baseURL, apiKey: server.apiKey, model: 'gpt-9-ultra' });
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => statusText(page), { timeout: 10_000 }).toMatch(/The model "gpt-9-ultra" does not exist/);
    await page.close();
  });
});

describe('settings page: typing and saving', () => {
  it('resolves a base URL typed without scheme or with the full path, and warns about plain http', async () => {
    const page = await glance.openPage('options.html');
    const port = new URL(server.url).port;
    await fillConnection(page, { baseURL: `127.0.0.1:${port}/v1/chat/completions`, apiKey: server.apiKey });
    await expect.poll(() => page.getByText('Resolves to').textContent()).toBe(`Resolves to http://127.0.0.1:${port}/v1`);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => statusText(page), { timeout: 10_000 }).toMatch(/^Connected and saved\./);

    await page.getByRole('textbox', { name: 'Base URL' }).fill('http://relay.example.com/v1');
    await expect.poll(() => page.getByText('your key would travel unencrypted').count()).toBe(1);
    await page.close();
  });

  it('saves the key into the background only: the form shows its last four characters after reload', async () => {
    const page = await glance.openPage('options.html');
    await fillConnection(page, { baseURL: server.baseURL, apiKey: `  ${server.apiKey}\n` });
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => statusText(page), { timeout: 10_000 }).toBe('Saved.');
    expect(await page.getByRole('textbox', { name: 'API key' }).inputValue()).toBe('');

    await page.reload();
    const key = page.getByRole('textbox', { name: 'API key' });
    await expect.poll(() => key.getAttribute('placeholder')).toContain(`…${server.apiKey.slice(-4)}`);
    expect(await page.getByRole('textbox', { name: 'Base URL' }).inputValue()).toBe(server.baseURL);
    // Test connection now works with the stored key, without typing it again.
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => statusText(page), { timeout: 10_000 }).toMatch(/^Connected and saved\./);
    await page.close();
  });

  it('reveals the typed key on request', async () => {
    const page = await glance.openPage('options.html');
    await page.getByRole('textbox', { name: 'API key' }).fill('sk-visible-check');
    expect(await page.getByRole('textbox', { name: 'API key' }).getAttribute('type')).toBe('password');
    await page.getByRole('button', { name: 'Show key' }).click();
    expect(await page.getByRole('textbox', { name: 'API key' }).getAttribute('type')).toBe('text');
    expect(await page.getByRole('textbox', { name: 'API key' }).inputValue()).toBe('sk-visible-check');
    await page.getByRole('button', { name: 'Hide key' }).click();
    expect(await page.getByRole('textbox', { name: 'API key' }).getAttribute('type')).toBe('password');
    await page.close();
  });

  it('switches the interface to Chinese and back, errors included', async () => {
    const page = await glance.openPage('options.html');
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('zh-CN');
    await expect.poll(() => page.getByRole('button', { name: '测试连接' }).count()).toBe(1);
    await page.getByRole('combobox', { name: '服务商' }).selectOption({ label: '自定义（兼容 OpenAI）' });
    await page.getByRole('textbox', { name: '接口地址' }).fill(server.baseURL);
    await page.getByRole('textbox', { name: 'API 密钥' }).fill('sk-wrong-key-zh-000000');
    await page.getByRole('button', { name: '测试连接' }).click();
    await expect.poll(() => statusText(page), { timeout: 10_000 }).toMatch(/API 密钥被拒绝/);
    await page.getByRole('combobox', { name: '界面语言' }).selectOption('en');
    await expect.poll(() => page.getByRole('button', { name: 'Test connection' }).count()).toBe(1);
    await page.close();
  });
});
