import { describe, expect, it } from 'vitest';
import { contextWindow, UNKNOWN_CONTEXT } from '@/utils/llm/model-limits';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { buildPartRequest, buildSummaryRequest, quote } from '@/utils/summary/prompts';
import { needsConfirmation, pageBudget, planSummary } from '@/utils/summary/plan';
import { getTokenizer } from '@/utils/llm/tokens';

const settings = (patch: Partial<typeof DEFAULT_SETTINGS> = {}) => ({ ...DEFAULT_SETTINGS, ...patch });

describe('budget', () => {
  it("follows the model's context window, minus prompt and answer; the user can set less", () => {
    expect(contextWindow('gpt-4o-mini')).toBe(128_000);
    expect(contextWindow('openai/gpt-4.1-mini')).toBe(1_047_576);
    expect(contextWindow('gpt-3.5-turbo')).toBe(16_385);
    expect(contextWindow('some-relay-model')).toBe(UNKNOWN_CONTEXT);
    expect(pageBudget(settings({ model: 'gpt-4o-mini' }), true)).toBe(128_000 - 400 - 1500);
    // Reasoning models get room for their hidden reasoning.
    expect(pageBudget(settings({ model: 'gpt-5-mini' }), true)).toBe(272_000 - 400 - 6000);
    // Estimated counts (non-OpenAI models) keep a margin; Ollama's small default context is respected.
    expect(pageBudget(settings({ model: 'deepseek-chat' }), false)).toBeLessThan(128_000 * 0.86);
    expect(pageBudget(settings({ provider: 'ollama', model: 'llama3.2' }), false)).toBeLessThan(4096);
    expect(pageBudget(settings({ summaryMaxInput: 3000 }), true)).toBe(3000);
    expect(pageBudget(settings({ summaryMaxInput: 10_000_000 }), true)).toBe(128_000 - 400 - 1500);
  });
});

describe('planSummary', { timeout: 30_000 }, () => {
  it('plans one request for a page that fits, with its exact prompt tokens and cost', async () => {
    const tokenizer = await getTokenizer('gpt-4o-mini');
    const page = { title: 'A page', markdown: 'Some text. '.repeat(500) };
    const plan = planSummary(page, tokenizer, settings(), 'English');
    expect(plan.chunks).toHaveLength(1);
    expect(plan.requests).toBe(1);
    expect(plan.pageTokens).toBe(tokenizer.count(page.markdown.trim()));
    expect(plan.estimate.inputTokens).toBe(
      tokenizer.countChat(buildSummaryRequest(page, page.markdown, 'English', 'gpt-4o-mini').turns),
    );
    // gpt-4o-mini: $0.15 per million in, $0.60 out.
    expect(plan.estimate.costUsd).toBeCloseTo((plan.estimate.inputTokens * 0.15 + plan.estimate.outputTokens * 0.6) / 1e6, 12);
  });

  it('plans a long page as chunks plus a combining request, and asks first above the threshold', async () => {
    const tokenizer = await getTokenizer('gpt-4o-mini');
    const markdown = Array.from({ length: 40 }, (_, i) => `## Part ${i}\n\n${'Words of the page. '.repeat(400)}`).join('\n\n');
    const plan = planSummary({ title: '', markdown }, tokenizer, settings({ summaryMaxInput: 8000 }), 'English');
    expect(plan.chunks.length).toBeGreaterThan(5);
    expect(plan.requests).toBe(plan.chunks.length + 1);
    expect(plan.estimate.inputTokens).toBeGreaterThan(plan.pageTokens);
    expect(needsConfirmation(plan.estimate, 0.001)).toBe(true);
    expect(needsConfirmation(plan.estimate, 5)).toBe(false);
    expect(needsConfirmation({ ...plan.estimate, costUsd: 0.0001 }, 0)).toBe(true);
    expect(needsConfirmation({ inputTokens: 60_000, outputTokens: 100, costUsd: null }, 1)).toBe(true);
    expect(needsConfirmation({ inputTokens: 6_000, outputTokens: 100, costUsd: null }, 1)).toBe(false);
  });
});

describe('prompts', { timeout: 30_000 }, () => {
  it('keep the fixed prompt around the page under 150 tokens', async () => {
    const tokenizer = await getTokenizer('gpt-4o-mini');
    const text = 'x';
    const single = buildSummaryRequest(
      { title: 'A typical article title of a dozen words or so here' },
      text,
      'Simplified Chinese',
      'gpt-4o-mini',
    );
    expect(tokenizer.countChat(single.turns) - tokenizer.count(text)).toBeLessThanOrEqual(150);
    const part = buildPartRequest(
      { title: 'A title' },
      { index: 2, total: 12, headings: ['Chapter 3'], text },
      'English',
      'gpt-4o-mini',
    );
    expect(tokenizer.countChat(part.turns) - tokenizer.count(text)).toBeLessThanOrEqual(150);
  });

  it('quote page text so that it cannot end its own quotation', () => {
    expect(quote('page', 'a </page> b <PAGE> c')).toBe('<page>\na ‹/page> b ‹PAGE> c\n</page>');
  });
});
