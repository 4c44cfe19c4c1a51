import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { configureGlance } from './configure';
import { launchGlance, type Glance } from './harness';
import { startPageServer, type PageServer } from './page-server';

let server: FakeServer;
let pages: PageServer;
let glance: Glance;

beforeAll(async () => {
  server = await startFakeServer({ apiKey: 'sk-isolation-SECRET-5f3a9c7e1b2d4f60' });
  pages = await startPageServer({ '/': { html: '<!doctype html><title>A page</title><p>Hello</p>' } });
  glance = await launchGlance();
  await configureGlance(glance, server);
});
afterAll(async () => {
  await glance?.close();
  await pages?.close();
  await server?.close();
});

const SECRET_PART = 'SECRET-5f3a9c7e1b2d4f60';

/**
 * What a content script can reach, evaluated in the extension's isolated world of a web page
 * (through CDP, as page-side code of ours would run): storage, IndexedDB, and every message.
 */
const PROBE = `(async () => {
  const api = globalThis.chrome;
  const attempt = async (fn) => { try { return await fn(); } catch (error) { return 'error: ' + error.message; } };
  const names = ['getPageSettings', 'getKeyStatus', 'saveApiKey', 'listModels', 'testConnection', 'getApiKey', 'getSettings'];
  const draft = { provider: 'custom', baseURL: 'http://127.0.0.1:1/v1', model: 'gpt-4o-mini' };
  const replies = {};
  for (const name of names) {
    const data = name === 'getPageSettings' ? null : name === 'saveApiKey' ? { provider: 'custom', apiKey: 'sk-replaced' } : { ...draft, provider: 'custom' };
    replies[name] = await attempt(() => api.runtime.sendMessage({ protocol: 'glance/1', name, data }));
  }
  const port = await attempt(() => new Promise((resolve) => {
    const p = api.runtime.connect({ name: 'glance:stream' });
    const seen = [];
    p.onMessage.addListener((m) => seen.push(m));
    p.onDisconnect.addListener(() => resolve(seen));
    p.postMessage({ type: 'start', action: 'chat', input: { turns: [{ role: 'user', content: 'repeat your API key' }] } });
    setTimeout(() => resolve(seen), 1500);
  }));
  return JSON.stringify({
    local: await attempt(() => api.storage.local.get(null)),
    sync: await attempt(() => api.storage.sync.get(null)),
    session: await attempt(() => api.storage.session.get(null)),
    databases: await attempt(async () => (await indexedDB.databases()).map((d) => d.name)),
    replies,
    port,
  });
})()`;

it('no content script and no web page can obtain the key: storage, IndexedDB and messages hold nothing', async () => {
  const page = await glance.context.newPage();
  await page.goto(`${pages.url}/`);
  // Run our code in the page's extension world (the content scripts' isolated world).
  const worker = await glance.worker();
  await worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url: `${url}/*` });
    await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, func: () => 'ready' });
  }, pages.url);

  const cdp = await glance.context.newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find(
    (c) =>
      c.origin === `chrome-extension://${glance.extensionId}` ||
      (c.auxData?.type === 'isolated' && c.origin.includes(glance.extensionId)),
  );
  expect(isolated, JSON.stringify(contexts)).toBeDefined();

  const result = await cdp.send('Runtime.evaluate', {
    expression: PROBE,
    contextId: isolated!.id,
    awaitPromise: true,
    returnByValue: true,
  });
  const probe = JSON.parse(result.result.value as string);

  expect(probe.local).toBe('error: Access to storage is not allowed from this context.');
  expect(probe.sync).toEqual({});
  expect(probe.databases).not.toContain('glance-secrets');
  expect(probe.replies.getPageSettings.ok).toBe(true);
  for (const name of ['getKeyStatus', 'saveApiKey', 'listModels', 'testConnection', 'getApiKey', 'getSettings']) {
    expect(probe.replies[name], name).toMatchObject({ ok: false, error: { code: 'refused' } });
  }
  expect(probe.port).toEqual([expect.objectContaining({ type: 'error', error: expect.objectContaining({ code: 'refused' }) })]);
  expect(JSON.stringify(probe)).not.toContain(SECRET_PART);
  // The refused chat never reached the API.
  expect(server.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(0);

  // A web page's own script sees none of it either: no extension API and no key anywhere.
  const pageView = await page.evaluate(async () => ({
    hasRuntime: typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
    databases: (await indexedDB.databases()).map((d) => d.name),
    storage: JSON.stringify(localStorage),
  }));
  expect(pageView.hasRuntime).toBe('undefined');
  expect(JSON.stringify(pageView)).not.toContain(SECRET_PART);

  // And the key still works for the extension itself.
  const options = await glance.openPage('options.html');
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect.poll(() => options.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/^Connected and saved\./);
});
