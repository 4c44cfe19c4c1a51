import { describe, expect, it } from 'vitest';
import { assertWithinBudget, overrideBudget, OVERRIDE_MS } from '@/utils/llm/background/budget';
import { recordCall } from '@/utils/llm/background/ledger';
import type { AppError } from '@/utils/errors';
import { errorMessage } from '@/utils/errors';
import { DEFAULT_SETTINGS } from '@/utils/settings';

const now = new Date(2026, 10, 27, 12, 0, 0);
const spend = (usd: number, time = now.getTime() - 1000) =>
  recordCall({
    time,
    feature: 'chat',
    model: 'gpt-4o',
    host: 'h',
    promptTokens: 1,
    cachedTokens: 0,
    completionTokens: 1,
    reasoningTokens: 0,
    estimated: false,
    costUsd: usd,
    status: 'ok',
  });
const held = async (settings: typeof DEFAULT_SETTINGS, at = now, locale: 'en' | 'zh-CN' = 'en') =>
  await assertWithinBudget(settings, locale, at).then(
    () => undefined,
    (e: AppError) => e,
  );

describe('budget', () => {
  it('lets everything through without limits', async () => {
    await spend(1000);
    expect(await held(DEFAULT_SETTINGS)).toBeUndefined();
  });

  it('holds at 100% of the daily limit, not before, and says how much was spent', async () => {
    const settings = { ...DEFAULT_SETTINGS, dailyBudgetUsd: 1 };
    await spend(0.99);
    expect(await held(settings)).toBeUndefined();
    await spend(0.01);
    const error = await held(settings);
    expect(error?.code).toBe('budget_exceeded');
    expect(errorMessage(error!, 'en')).toContain('$1.00 of your daily budget of $1.00');
    // Yesterday's spending does not count today.
    expect(await held(settings, new Date(2026, 10, 28, 0, 0, 1))).toBeUndefined();
  });

  it('holds at the monthly limit, counting the whole calendar month', async () => {
    const settings = { ...DEFAULT_SETTINGS, monthlyBudgetUsd: 5 };
    await spend(3, new Date(2026, 10, 2).getTime());
    await spend(1.5, new Date(2026, 9, 30).getTime());
    expect(await held(settings)).toBeUndefined();
    await spend(2);
    expect((await held(settings))?.code).toBe('budget_exceeded');
    expect(errorMessage((await held(settings, now, 'zh-CN'))!, 'zh-CN')).toContain('达到每月预算 $5.00');
  });

  it('lets calls through for an hour after "Spend anyway"', async () => {
    const settings = { ...DEFAULT_SETTINGS, dailyBudgetUsd: 0.000001 };
    await spend(0.01);
    await overrideBudget(now.getTime());
    expect(await held(settings)).toBeUndefined();
    expect((await held(settings, new Date(now.getTime() + OVERRIDE_MS + 1)))?.code).toBe('budget_exceeded');
  });
});
