import { describe, expect, it } from 'vitest';
import { usageOf } from '@/utils/llm/background/call-usage';
import type { ApiUsage } from '@/utils/llm/background/completion-stream';
import type { ChatBody } from '@/utils/llm/request';
import { getTokenizer } from '@/utils/llm/tokens';

const body = {
  model: 'gpt-4o',
  stream: true,
  messages: [{ role: 'user', content: 'Describe a database schema in three sentences.' }],
} as unknown as ChatBody;
const text = 'Tables hold rows. Keys link tables. Indexes make lookups fast.';
/** What a provider sends, whatever its types: the wire is not to be trusted. */
const usage = (value: Record<string, unknown>) => value as unknown as ApiUsage;

async function ownCounts() {
  const tokenizer = await getTokenizer('gpt-4o');
  return { prompt: tokenizer.countChat(body.messages), completion: tokenizer.count(text) };
}

describe('usageOf: provider usage is checked field by field', () => {
  it('keeps well-formed counts as reported', async () => {
    const report = await usageOf(body, {
      text,
      model: 'gpt-4o',
      usage: usage({ prompt_tokens: 20, completion_tokens: 12, prompt_tokens_details: { cached_tokens: 0 } }),
    });
    expect(report).toMatchObject({ promptTokens: 20, completionTokens: 12, estimated: false });
  });

  it('estimates negative counts instead of making spending negative', async () => {
    const own = await ownCounts();
    const report = await usageOf(body, {
      text,
      model: 'gpt-4o',
      usage: usage({ prompt_tokens: -50000, completion_tokens: -3 }),
    });
    expect(report).toMatchObject({ promptTokens: own.prompt, completionTokens: own.completion, estimated: true });
    expect(report.costUsd).toBeGreaterThan(0);
  });

  it('estimates string, fractional, NaN and infinite counts; never concatenates', async () => {
    const own = await ownCounts();
    for (const bad of ['29', '7', 2.5, Number.NaN, Number.POSITIVE_INFINITY, null, {}]) {
      const report = await usageOf(body, {
        text,
        model: 'gpt-4o',
        usage: usage({ prompt_tokens: bad, completion_tokens: bad }),
      });
      expect(report).toMatchObject({ promptTokens: own.prompt, completionTokens: own.completion, estimated: true });
      expect(typeof report.costUsd).toBe('number');
    }
  });

  it('keeps the good fields and estimates only the bad one', async () => {
    const own = await ownCounts();
    const report = await usageOf(body, {
      text,
      model: 'gpt-4o',
      usage: usage({ prompt_tokens: 20, completion_tokens: '12' }),
    });
    expect(report).toMatchObject({ promptTokens: 20, completionTokens: own.completion, estimated: true });
  });

  it('drops bad cached and reasoning counts (never more cached than prompt) and marks the estimate', async () => {
    const report = await usageOf(body, {
      text,
      model: 'gpt-4o',
      usage: usage({
        prompt_tokens: 20,
        completion_tokens: 12,
        prompt_tokens_details: { cached_tokens: -5 },
        completion_tokens_details: { reasoning_tokens: '4' },
      }),
    });
    expect(report).toMatchObject({
      promptTokens: 20,
      completionTokens: 12,
      cachedTokens: 0,
      reasoningTokens: 0,
      estimated: true,
    });
    const tooMany = await usageOf(body, {
      text,
      model: 'gpt-4o',
      usage: usage({ prompt_tokens: 20, completion_tokens: 12, prompt_tokens_details: { cached_tokens: 900 } }),
    });
    expect(tooMany).toMatchObject({ cachedTokens: 0, estimated: true });
  });
});
