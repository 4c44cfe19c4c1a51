import { describe, expect, it } from 'vitest';
import { spendingOf, summarizeUsage } from '@/utils/usage/totals';
import type { CallRecord, DayRollup } from '@/utils/usage/types';

const NOW = new Date(2026, 10, 27, 15, 0, 0).getTime();

const call = (overrides: Record<string, unknown>): CallRecord =>
  ({
    time: NOW - 60_000,
    feature: 'chat',
    model: 'gpt-4o-mini',
    host: 'api.openai.com',
    promptTokens: 100,
    cachedTokens: 0,
    completionTokens: 20,
    reasoningTokens: 0,
    estimated: false,
    costUsd: 0.1,
    status: 'ok',
    ...overrides,
  }) as CallRecord;

describe('totals of stored records with bad numbers', () => {
  // Records written before usage was checked may hold what a provider sent: strings, negatives.
  const poisoned = [
    call({}),
    call({ costUsd: -0.25, promptTokens: -5000 }),
    call({ costUsd: '0.2', promptTokens: '29', completionTokens: '7' }),
    call({ costUsd: Number.NaN, completionTokens: Number.POSITIVE_INFINITY }),
  ];

  it('never makes spending negative or a string', () => {
    const spent = spendingOf(poisoned, NOW);
    expect(typeof spent.today).toBe('number');
    expect(spent.today).toBeCloseTo(0.1, 12);
    expect(spent.month).toBeCloseTo(0.1, 12);
  });

  it('never makes the summary negative, a string or NaN', () => {
    const rollup = {
      key: 'k',
      day: NOW - 400 * 86_400_000,
      feature: 'chat',
      model: 'm',
      host: 'h',
      calls: 1,
      promptTokens: '10',
      cachedTokens: 0,
      completionTokens: -3,
      reasoningTokens: 0,
      audioSeconds: 0,
      costUsd: -1,
      unpricedCalls: 0,
      estimatedCalls: 0,
    } as unknown as DayRollup;
    const summary = summarizeUsage(poisoned, [rollup], NOW);
    expect(summary.today).toEqual({ calls: 4, promptTokens: 200, completionTokens: 40, costUsd: 0.1, unpricedCalls: 0 });
    expect(summary.allTime).toEqual({ calls: 5, promptTokens: 200, completionTokens: 40, costUsd: 0.1, unpricedCalls: 0 });
    expect(summary.daily.at(-1)!.byFeature.chat).toBeCloseTo(0.1, 12);
  });
});

describe('selection actions in the totals', () => {
  it('files calls under their action’s name and sums them by day as "action"', () => {
    const summary = summarizeUsage(
      [call({ feature: 'Explain', costUsd: 0.25 }), call({ feature: 'Pirate', costUsd: 0.5 })],
      [],
      NOW,
    );
    expect(summary.daily.at(-1)!.byFeature).toEqual({ action: 0.75 });
    expect(summary.today.calls).toBe(2);
  });
});
