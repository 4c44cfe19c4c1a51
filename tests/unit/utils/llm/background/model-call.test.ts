import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recentCalls } from '@/utils/llm/background/ledger';
import { callModel } from '@/utils/llm/background/model-call';
import { setApiKey } from '@/utils/llm/background/secret-store';
import type { AppError } from '@/utils/errors';
import { priceFor, costOf } from '@/utils/llm/pricing';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { DEFAULT_MODELS, errors, providerScenario } from '@/tests/fake-server';
import { useFakeServer } from '@/tests/fake-server/test-helpers';

// qwen-plus: a model the price table does not know, served as a relay would.
const fixture = useFakeServer({ models: [...DEFAULT_MODELS, 'qwen-plus'] });

async function env(overrides: Partial<Settings> = {}) {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  await setApiKey('custom', fixture.server.apiKey);
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    provider: 'custom',
    baseURL: fixture.server.baseURL,
    model: 'gpt-4o',
    ...overrides,
  };
  return { settings, locale: 'en' as const, deps: {} };
}

const call = (model = 'gpt-4o', signal = new AbortController().signal) => ({
  feature: 'chat' as const,
  spec: { model, turns: [{ role: 'user' as const, content: 'Describe a database schema.' }] },
  signal,
});

describe('callModel writes the usage ledger', () => {
  it("records a recorded stream's final usage chunk: cached tokens and their cheaper price", async () => {
    fixture.server.enqueue({
      kind: 'recorded',
      file: 'dd-trace-py/chat-stream-include-usage-cached-tokens-finish-length-2025.body.sse',
    });
    const result = await callModel(call(), await env());
    expect(result.usage).toMatchObject({
      promptTokens: 1420,
      cachedTokens: 1280,
      completionTokens: 100,
      estimated: false,
      model: 'gpt-4o-2024-08-06',
    });
    const expectedCost = (140 * 2.5 + 1280 * 1.25 + 100 * 10) / 1e6;
    expect(result.usage.costUsd).toBeCloseTo(expectedCost, 12);

    const [entry] = await recentCalls(10);
    expect(entry).toMatchObject({
      feature: 'chat',
      model: 'gpt-4o-2024-08-06',
      host: new URL(fixture.server.url).host,
      promptTokens: 1420,
      cachedTokens: 1280,
      completionTokens: 100,
      estimated: false,
      status: 'ok',
    });
    expect(entry!.costUsd).toBeCloseTo(expectedCost, 12);
  });

  it("records Glance's own counts, marked as an estimate, when the provider sends no usage", async () => {
    fixture.server.enqueue({ kind: 'recorded', file: 'dd-trace-py/chat-stream-include-usage-false-2025.body.sse' });
    const result = await callModel(call('gpt-3.5-turbo'), await env());
    expect(result.usage.estimated).toBe(true);
    expect(result.usage.promptTokens).toBeGreaterThan(5);
    expect(result.usage.completionTokens).toBeGreaterThan(0);
    const [entry] = await recentCalls(1);
    expect(entry).toMatchObject({ estimated: true, status: 'ok', promptTokens: result.usage.promptTokens });
    expect(entry!.costUsd).toBeCloseTo(costOf(result.usage, priceFor('gpt-3.5-turbo'))!, 12);
  });

  it('estimates negative or string usage from the provider: spending never goes negative or concatenates', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'a short answer', usage: { prompt_tokens: -50000 } });
    const negative = await callModel(call(), await env());
    expect(negative.usage.estimated).toBe(true);
    expect(negative.usage.promptTokens).toBeGreaterThan(5);
    expect(negative.usage.costUsd).toBeGreaterThan(0);

    fixture.server.enqueue({
      kind: 'json',
      body: {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 1,
        model: 'gpt-4o',
        choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: '29', completion_tokens: '7', total_tokens: '297' },
      },
    });
    const strings = await callModel(call(), await env());
    expect(strings.usage).toMatchObject({ estimated: true });
    expect(typeof strings.usage.promptTokens).toBe('number');
    expect(typeof strings.usage.completionTokens).toBe('number');
    const { spending } = await import('@/utils/llm/background/budget');
    const spent = await spending();
    expect(typeof spent.today).toBe('number');
    expect(spent.today).toBeCloseTo(negative.usage.costUsd! + strings.usage.costUsd!, 12);
  });

  it('records a model without a price with no cost, not zero, until the user prices it', async () => {
    const unpriced = await callModel(call('qwen-plus'), await env());
    expect(unpriced.usage.costUsd).toBeNull();
    expect((await recentCalls(1))[0]!.costUsd).toBeNull();

    const priced = await callModel(
      call('qwen-plus'),
      await env({ priceOverrides: { 'qwen-plus': { input: 0.4, output: 1.2 } } }),
    );
    expect(priced.usage.costUsd).toBeCloseTo((priced.usage.promptTokens * 0.4 + priced.usage.completionTokens * 1.2) / 1e6, 12);
  });

  it('records an interrupted answer with the tokens that were billed, and a failed call with none', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'one two three four five six seven', chunkChars: 4, dropAfterChunks: 3 });
    const failure = (await callModel(call(), await env()).catch((e: unknown) => e)) as AppError;
    expect(failure.code).toBe('interrupted');
    const [interrupted] = await recentCalls(1);
    expect(interrupted).toMatchObject({ status: 'interrupted', estimated: true });
    expect(interrupted!.completionTokens).toBeGreaterThan(0);

    fixture.server.enqueue(errors.insufficientQuota());
    await callModel(call(), await env()).catch(() => {});
    expect((await recentCalls(1))[0]).toMatchObject({ status: 'quota_exceeded', promptTokens: 0, completionTokens: 0 });
  });

  it('records a 200 stream of only unreadable lines with the estimate of its prompt, not 0', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'glance-malformed-')), 'bad.sse');
    writeFileSync(file, 'data: {"choices": [\n\ndata: not json\n\ndata: [DONE]\n\n');
    fixture.server.enqueue({ kind: 'recorded', file });
    const failure = (await callModel(call(), await env()).catch((e: unknown) => e)) as AppError;
    expect(failure.code).toBe('malformed_stream');
    const [line] = await recentCalls(1);
    // The provider accepted the request: its prompt was read, and may be billed.
    expect(line).toMatchObject({ status: 'malformed_stream', estimated: true, completionTokens: 0 });
    expect(line!.promptTokens).toBeGreaterThan(5);
    expect(line!.costUsd).toBeGreaterThan(0);
  });
});

describe('callModel and the budget', () => {
  it('records a tool-call-only answer with the usage the provider reported', async () => {
    fixture.server.enqueue(providerScenario('tool-call-only-stream.synthetic.sse'));
    const error = await callModel(call(), await env()).catch((failure: AppError) => failure);
    expect((error as AppError).code).toBe('tool_call_only');
    expect((await recentCalls(1))[0]).toMatchObject({
      status: 'tool_call_only',
      promptTokens: 30,
      completionTokens: 12,
      estimated: false,
    });
  });

  it('holds calls once the daily budget is spent, until "Spend anyway"', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'first answer costs something' });
    const settings = await env({ dailyBudgetUsd: 0.000001 });
    await callModel(call(), settings);
    const held = (await callModel(call(), settings).catch((e: unknown) => e)) as AppError;
    expect(held.code).toBe('budget_exceeded');
    expect(fixture.server.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(1);

    const { overrideBudget } = await import('@/utils/llm/background/budget');
    await overrideBudget();
    fixture.server.enqueue({ kind: 'text', text: 'let through' });
    await expect(callModel(call(), settings)).resolves.toMatchObject({ text: 'let through' });
  });

  it('never holds Test connection', async () => {
    const settings = await env({ dailyBudgetUsd: 0.000001 });
    fixture.server.enqueue({ kind: 'text', text: 'spend' }, { kind: 'text', text: 'ok' });
    await callModel(call(), settings);
    await expect(callModel({ ...call(), feature: 'test' }, settings)).resolves.toMatchObject({ text: 'ok' });
  });
});
