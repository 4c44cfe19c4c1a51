import { describe, expect, it } from 'vitest';
import { audioCostOf, costOf, formatCost, PRICE_TABLE, priceFor, priceKey } from '@/utils/llm/pricing';

describe('price table', () => {
  it('is dated and names its source', () => {
    expect(PRICE_TABLE.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(PRICE_TABLE.source).toMatch(/^https:\/\//);
  });

  it('has the common OpenAI families and whisper-1 at $0.006 a minute', () => {
    for (const model of [
      'gpt-3.5-turbo',
      'gpt-4o-mini',
      'gpt-4o',
      'gpt-4.1',
      'gpt-4.1-mini',
      'gpt-5',
      'gpt-5-mini',
      'gpt-5-nano',
    ]) {
      expect(priceFor(model), model).toMatchObject({ input: expect.any(Number), output: expect.any(Number) });
    }
    expect(priceFor('whisper-1')).toEqual({ perMinute: 0.006 });
  });

  it('prices dated snapshots and OpenRouter ids like their family, and knows nothing else', () => {
    expect(priceKey('gpt-4o-mini-2024-07-18')).toBe('gpt-4o-mini');
    expect(priceFor('gpt-4o-mini-2024-07-18')).toEqual(priceFor('gpt-4o-mini'));
    expect(priceFor('openai/gpt-4.1')).toEqual(priceFor('gpt-4.1'));
    expect(priceFor('o3-mini-2025-01-31')).toEqual(priceFor('o3-mini'));
    // A family prefix alone is not a match: gpt-4o-mini is not priced as gpt-4o, nor unknowns as anything.
    expect(priceFor('gpt-4o-mini')).not.toEqual(priceFor('gpt-4o'));
    expect(priceFor('deepseek-chat')).toBeUndefined();
    expect(priceFor('gpt-4o-experimental')).toBeUndefined();
  });

  it("uses the user's own prices first, for unknown and known models", () => {
    const overrides = {
      'deepseek-chat': { input: 0.28, cachedInput: 0.028, output: 0.42 },
      'gpt-4o-mini': { input: 1, output: 2 },
    };
    expect(priceFor('deepseek-chat', overrides)).toEqual(overrides['deepseek-chat']);
    expect(priceFor('gpt-4o-mini-2024-07-18', overrides)).toEqual({ input: 1, output: 2 });
  });
});

describe('costOf', () => {
  it('charges cached prompt tokens at the cached rate and the rest at full price', () => {
    // 2,000 prompt tokens of which 1,280 cached, 300 out, on gpt-4o-mini ($0.15 / $0.075 / $0.60 per 1M).
    const cost = costOf({ promptTokens: 2000, cachedTokens: 1280, completionTokens: 300 }, priceFor('gpt-4o-mini'));
    expect(cost).toBeCloseTo((720 * 0.15 + 1280 * 0.075 + 300 * 0.6) / 1e6, 12);
  });

  it('charges cached tokens at the input price where no cached price exists', () => {
    const cost = costOf({ promptTokens: 1000, cachedTokens: 500, completionTokens: 0 }, priceFor('gpt-3.5-turbo'));
    expect(cost).toBeCloseTo((1000 * 0.5) / 1e6, 12);
  });

  it('is null without a price, never a guess', () => {
    expect(costOf({ promptTokens: 10, cachedTokens: 0, completionTokens: 10 }, undefined)).toBeNull();
    expect(costOf({ promptTokens: 10, cachedTokens: 0, completionTokens: 10 }, { perMinute: 0.006 })).toBeNull();
  });

  it('prices audio by the minute', () => {
    expect(audioCostOf(90, priceFor('whisper-1'))).toBeCloseTo(0.009, 10);
    expect(audioCostOf(90, priceFor('gpt-4o'))).toBeNull();
  });
});

describe('formatCost', () => {
  it('shows small costs with two significant digits and never in exponent notation', () => {
    expect(formatCost(0)).toBe('$0');
    expect(formatCost(1.5)).toBe('$1.50');
    expect(formatCost(0.5)).toBe('$0.50');
    expect(formatCost(0.0123)).toBe('$0.012');
    expect(formatCost(0.00012345)).toBe('$0.00012');
    expect(formatCost(1.23e-7)).toBe('$0.00000012');
  });

  it('adds yuan when the user set a rate', () => {
    expect(formatCost(1, 7.2)).toBe('$1.00 (¥7.20)');
  });
});
