import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { launchBareChromium, type BareChromium } from './bare-chromium';

let server: FakeServer;
let chromium: BareChromium;

beforeAll(async () => {
  server = await startFakeServer();
  chromium = await launchBareChromium();
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

it('an answer whose first byte comes after 45 s of silence still arrives (the worker is kept alive)', {
  timeout: 120_000,
}, async () => {
  // No debugger is attached to the worker here (see bare-chromium.ts): Chrome stops it after
  // 30 s without extension activity unless Glance keeps it up while the request is in flight.
  const evaluate = await chromium.open(`chrome-extension://${chromium.extensionId}/options.html`);
  await evaluate(`(async () => {
    await chrome.storage.local.set({ settings: { provider: 'custom', baseURL: ${JSON.stringify(server.baseURL)}, model: 'gpt-4o-mini' } });
    await chrome.runtime.sendMessage({ protocol: 'glance/1', name: 'saveApiKey', data: { provider: 'custom', apiKey: ${JSON.stringify(server.apiKey)} } });
  })()`);
  server.enqueue({ kind: 'text', text: 'Thought long, answered at last.', firstChunkDelayMs: 45_000 });

  // Start a chat over the stream port, then stay silent: nothing page-side keeps the worker up.
  const started = Date.now();
  const events = (await evaluate(`new Promise((resolve) => {
    const seen = [];
    const port = chrome.runtime.connect({ name: 'glance:stream' });
    port.onMessage.addListener((event) => {
      seen.push(event);
      if (event.type === 'done' || event.type === 'error') resolve(seen);
    });
    port.onDisconnect.addListener(() => resolve([...seen, { type: 'port-closed' }]));
    port.postMessage({ type: 'start', action: 'chat', input: { op: 'send', conversationId: 'keep-alive', messageId: 'q1', answerId: 'a1', text: 'Think hard.', model: 'gpt-4o-mini' } });
  })`)) as { type: string; text?: string }[];
  const elapsed = Date.now() - started;

  expect(events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  expect(
    events
      .filter((e) => e.type === 'delta')
      .map((e) => e.text)
      .join(''),
  ).toBe('Thought long, answered at last.');
  expect(elapsed).toBeGreaterThanOrEqual(45_000);
  expect(await chromium.workerRunning()).toBe(true);
});
