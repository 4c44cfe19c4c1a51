import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { spending } from '@/utils/llm/background/budget';
import { allUsage, recentCalls, recordCall } from '@/utils/llm/background/ledger';
import { callModel } from '@/utils/llm/background/model-call';
import { settleLeftoverCalls } from '@/utils/llm/background/provisional-call';
import { setApiKey } from '@/utils/llm/background/secret-store';
import { getTokenizer } from '@/utils/llm/tokens';
import type { AppError } from '@/utils/errors';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import type { CallRecord } from '@/utils/usage/types';
import { useFakeServer } from '@/tests/fake-server/test-helpers';

const fixture = useFakeServer();

async function env() {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  await setApiKey('custom', fixture.server.apiKey);
  const settings: Settings = { ...DEFAULT_SETTINGS, provider: 'custom', baseURL: fixture.server.baseURL, model: 'gpt-4o' };
  return { settings, locale: 'en' as const, deps: {} };
}

const call = (signal = new AbortController().signal) => ({
  feature: 'chat' as const,
  spec: { model: 'gpt-4o', turns: [{ role: 'user' as const, content: 'Describe a database schema.' }] },
  signal,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The raw stored line (recentCalls leaves the saved text out). */
async function storedLine(): Promise<CallRecord & { arrived?: string; worker?: string }> {
  const { calls } = await allUsage();
  return calls.at(-1)!;
}

describe('a provisional ledger line', () => {
  it('is written before the answer streams, holds the text as it arrives, and counts towards budgets', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'one two three four five six seven', chunkChars: 4, stallAfterChunks: 3 });
    const controller = new AbortController();
    const running = callModel(call(controller.signal), await env()).catch((error: unknown) => error as AppError);
    await fixture.server.waitForRequests(1);
    await sleep(600);
    // Written with a rough count (no wait for the tokenizer), then with the exact one.
    const exact = (await getTokenizer('gpt-4o')).countChat([{ role: 'user', content: 'Describe a database schema.' }]);
    await vi.waitFor(async () => expect((await storedLine()).promptTokens).toBe(exact), { timeout: 5000 });

    const line = await storedLine();
    expect(line).toMatchObject({ status: 'pending', model: 'gpt-4o', feature: 'chat', estimated: true });
    expect(line.costUsd).toBeGreaterThan(0);
    expect(line.arrived).toBe('one two thr');
    expect((await spending()).today).toBeCloseTo(line.costUsd!, 12);
    expect((await recentCalls(1))[0]).not.toHaveProperty('arrived');

    controller.abort();
    expect(((await running) as AppError).code).toBe('aborted');
    const settled = await storedLine();
    expect(settled).toMatchObject({ status: 'aborted', estimated: true });
    expect(settled.completionTokens).toBeGreaterThan(0);
    expect(settled).not.toHaveProperty('arrived');
    expect((await allUsage()).calls).toHaveLength(1);
  });

  it('is settled at the next worker start as billed and interrupted, from the text that arrived', async () => {
    const base = {
      time: Date.now() - 5000,
      feature: 'chat' as const,
      model: 'gpt-4o',
      host: 'api.openai.com',
      promptTokens: 1000,
      cachedTokens: 0,
      completionTokens: 0,
      reasoningTokens: 0,
      estimated: true,
      costUsd: 0.0025,
      status: 'pending' as const,
    };
    await recordCall({ ...base, worker: 'a worker that died', arrived: 'Tables hold rows. Keys link tables.' });
    await recordCall({ ...base, worker: 'a worker that died', arrived: '' });
    await recordCall({ ...base, worker: 'the running worker' });

    expect(await settleLeftoverCalls({}, 'the running worker')).toBe(2);
    const [withText, promptOnly, running] = (await allUsage()).calls;
    expect(withText).toMatchObject({ status: 'interrupted', estimated: true, promptTokens: 1000 });
    expect(withText!.completionTokens).toBeGreaterThan(5);
    expect(withText!.costUsd).toBeGreaterThan(0.0025);
    expect(withText).not.toHaveProperty('arrived');
    expect(promptOnly).toMatchObject({ status: 'interrupted', completionTokens: 0, costUsd: 0.0025 });
    expect(running).toMatchObject({ status: 'pending' });
  });

  it('settles a transcription a dead worker left at its per-minute price, not as unpriced tokens', async () => {
    await recordCall({
      time: Date.now() - 5000,
      feature: 'transcribe',
      model: 'whisper-1',
      host: 'api.openai.com',
      promptTokens: 0,
      cachedTokens: 0,
      completionTokens: 0,
      reasoningTokens: 0,
      audioSeconds: 90,
      estimated: false,
      costUsd: 0.009,
      status: 'pending',
      worker: 'a worker that died',
      arrived: '',
    });
    expect(await settleLeftoverCalls({}, 'now')).toBe(1);
    const [line] = (await allUsage()).calls;
    expect(line).toMatchObject({ status: 'interrupted', audioSeconds: 90 });
    expect(line!.costUsd).toBeCloseTo(0.009, 8);
  });

  it('is kept through the database upgrade that indexes it: older calls stay', async () => {
    const old = await openDB('glance-ledger', 1, {
      upgrade(database) {
        database.createObjectStore('calls', { keyPath: 'id', autoIncrement: true }).createIndex('time', 'time');
        database.createObjectStore('rollups', { keyPath: 'key' });
      },
    });
    await old.add('calls', {
      time: 1,
      feature: 'chat',
      model: 'm',
      host: 'h',
      promptTokens: 1,
      cachedTokens: 0,
      completionTokens: 1,
      reasoningTokens: 0,
      estimated: false,
      costUsd: 0.5,
      status: 'ok',
    });
    old.close();
    expect((await recentCalls(5)).map((c) => c.costUsd)).toEqual([0.5]);
    expect(await settleLeftoverCalls({}, 'now')).toBe(0);
  });
});

describe('when the ledger cannot be written (storage full)', () => {
  it('still answers, and flags the usage as not recorded', async () => {
    const settings = await env();
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(quota);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(quota);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    fixture.server.enqueue({ kind: 'text', text: 'the answer still shows' });
    const result = await callModel(call(), settings);
    expect(result.text).toBe('the answer still shows');
    expect(result.usage.unrecorded).toBe(true);
  });
});
