import { AppError } from '@/utils/errors';
import { t, type Locale } from '@/utils/i18n';
import { formatCost } from '@/utils/llm/pricing';
import { budgetOverrideItem, type Settings } from '@/utils/settings';
import { monthStart, spendingOf } from '@/utils/usage/totals';
import { callsSince } from './ledger';

/** How long "Spend anyway" lets calls through before the budget holds them again. */
export const OVERRIDE_MS = 60 * 60_000;

/** Spending so far today and this month, in USD (calls without a price count as 0): one read. */
export async function spending(now = new Date()): Promise<{ today: number; month: number }> {
  const time = now.getTime();
  return spendingOf(await callsSince(monthStart(time)), time);
}

/**
 * Holds a call when today's or this month's spending has reached its limit, unless the user
 * pressed "Spend anyway" within the last hour. Throws `budget_exceeded`.
 */
export async function assertWithinBudget(settings: Settings, locale: Locale, now = new Date()): Promise<void> {
  if (settings.dailyBudgetUsd <= 0 && settings.monthlyBudgetUsd <= 0) return;
  if ((await budgetOverrideItem.getValue()) > now.getTime()) return;
  const spent = await spending(now);
  const over =
    settings.dailyBudgetUsd > 0 && spent.today >= settings.dailyBudgetUsd
      ? { spent: spent.today, limit: settings.dailyBudgetUsd, period: t('budgetPeriodDaily', {}, locale) }
      : settings.monthlyBudgetUsd > 0 && spent.month >= settings.monthlyBudgetUsd
        ? { spent: spent.month, limit: settings.monthlyBudgetUsd, period: t('budgetPeriodMonthly', {}, locale) }
        : undefined;
  if (!over) return;
  throw new AppError('budget_exceeded', {
    params: {
      spent: formatCost(over.spent, settings.cnyPerUsd),
      limit: formatCost(over.limit, settings.cnyPerUsd),
      period: over.period,
    },
  });
}

/** "Spend anyway": lets calls through for the next hour. */
export async function overrideBudget(now = Date.now()): Promise<void> {
  await budgetOverrideItem.setValue(now + OVERRIDE_MS);
}
