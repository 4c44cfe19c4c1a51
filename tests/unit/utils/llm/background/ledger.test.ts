import { describe, expect, it } from 'vitest';
import { allUsage, applyRetention, clearLedger, KEEP_DAYS, recentCalls, recordCall } from '@/utils/llm/background/ledger';
import { daysBefore, summarizeUsage } from '@/utils/usage/totals';
import type { CallRecord } from '@/utils/usage/types';

const NOW = new Date(2026, 10, 27, 15, 0, 0).getTime();

const call = (time: number, overrides: Partial<CallRecord> = {}): CallRecord => ({
  time,
  feature: 'chat',
  model: 'gpt-4o-mini',
  host: 'api.openai.com',
  promptTokens: 1000,
  cachedTokens: 0,
  completionTokens: 200,
  reasoningTokens: 0,
  estimated: false,
  costUsd: 0.00027,
  status: 'ok',
  ...overrides,
});

describe('ledger', () => {
  it('returns the most recent calls first', async () => {
    for (const minutes of [3, 1, 2]) await recordCall(call(NOW - minutes * 60_000, { model: `m${minutes}` }));
    expect((await recentCalls(2)).map((c) => c.model)).toEqual(['m1', 'm2']);
  });

  it('rolls calls older than a year into per-day rows, keeping every token and cent', async () => {
    const old = daysBefore(NOW, KEEP_DAYS + 10) + 3600_000;
    await recordCall(call(old, { costUsd: 0.001 }));
    await recordCall(call(old + 60_000, { costUsd: 0.002, estimated: true }));
    await recordCall(call(old + 120_000, { costUsd: null, model: 'qwen-plus' }));
    await recordCall(call(daysBefore(NOW, KEEP_DAYS + 40), { feature: 'summarize', costUsd: 0.01 }));
    await recordCall(call(NOW - 1000, { costUsd: 0.5 }));
    const before = summarizeUsage((await allUsage()).calls, [], NOW).allTime;

    expect(await applyRetention(NOW)).toBe(4);
    const { calls, rollups } = await allUsage();
    expect(calls).toHaveLength(1);
    expect(rollups).toHaveLength(3);
    const day = rollups.find((r) => r.model === 'gpt-4o-mini' && r.feature === 'chat')!;
    expect(day).toMatchObject({ calls: 2, promptTokens: 2000, completionTokens: 400, estimatedCalls: 1, unpricedCalls: 0 });
    expect(day.costUsd).toBeCloseTo(0.003, 12);
    expect(rollups.find((r) => r.model === 'qwen-plus')).toMatchObject({ calls: 1, unpricedCalls: 1, costUsd: 0 });

    const after = summarizeUsage(calls, rollups, NOW).allTime;
    expect(after.calls).toBe(before.calls);
    expect(after.promptTokens).toBe(before.promptTokens);
    expect(after.costUsd).toBeCloseTo(before.costUsd, 12);
    expect(after.unpricedCalls).toBe(1);

    // Running again moves nothing; a later old call joins its day's row.
    expect(await applyRetention(NOW)).toBe(0);
    await recordCall(call(old + 180_000, { costUsd: 0.004 }));
    await applyRetention(NOW);
    const merged = (await allUsage()).rollups.find((r) => r.model === 'gpt-4o-mini' && r.feature === 'chat')!;
    expect(merged.calls).toBe(3);
    expect(merged.costUsd).toBeCloseTo(0.007, 12);
  });

  it('rolls up a stored record with bad numbers without making the day negative or a string', async () => {
    const old = daysBefore(NOW, KEEP_DAYS + 10) + 3600_000;
    await recordCall(call(old, { costUsd: 0.001 }));
    await recordCall(call(old + 1000, { costUsd: -0.15, promptTokens: -5000 }));
    await recordCall(call(old + 2000, { costUsd: '0.2', completionTokens: '97' } as unknown as Partial<CallRecord>));
    await applyRetention(NOW);
    const [day] = (await allUsage()).rollups;
    expect(day).toMatchObject({ calls: 3, promptTokens: 2000, completionTokens: 400 });
    expect(day!.costUsd).toBeCloseTo(0.001, 12);
  });

  it('clears everything', async () => {
    await recordCall(call(NOW));
    await recordCall(call(daysBefore(NOW, 400)));
    await applyRetention(NOW);
    await clearLedger();
    expect(await allUsage()).toEqual({ calls: [], rollups: [] });
  });
});

describe('summarizeUsage', () => {
  it('totals today, 7 and 30 days by local calendar day, and splits daily cost by feature', () => {
    const calls = [
      call(NOW - 60_000, { costUsd: 0.01 }),
      call(NOW - 60_000, { feature: 'translate', costUsd: 0.02 }),
      call(daysBefore(NOW, 1) + 1000, { costUsd: 0.1 }),
      call(daysBefore(NOW, 6) + 1000, { costUsd: 1 }),
      call(daysBefore(NOW, 7) + 1000, { costUsd: 10 }),
      call(daysBefore(NOW, 29) + 1000, { costUsd: 100, feature: 'summarize' }),
      call(daysBefore(NOW, 30) + 1000, { costUsd: 1000 }),
      call(NOW - 5000, { costUsd: null, model: 'unknown' }),
    ];
    const summary = summarizeUsage(calls, [], NOW);
    expect(summary.today).toMatchObject({ calls: 3, unpricedCalls: 1 });
    expect(summary.today.costUsd).toBeCloseTo(0.03, 12);
    expect(summary.last7Days.costUsd).toBeCloseTo(1.13, 12);
    expect(summary.last30Days.costUsd).toBeCloseTo(111.13, 12);
    expect(summary.allTime.costUsd).toBeCloseTo(1111.13, 12);
    expect(summary.daily).toHaveLength(30);
    expect(summary.daily.at(-1)!.byFeature).toEqual({ chat: 0.01, translate: 0.02 });
    expect(summary.daily[0]!.byFeature).toEqual({ summarize: 100 });
  });
});
