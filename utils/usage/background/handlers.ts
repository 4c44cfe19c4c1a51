import type { Spending } from '@/utils/usage/types';
import type { Settings } from '@/utils/settings';
import { summarizeUsage, spendingOf } from '@/utils/usage/totals';
import { usageCsv } from '@/utils/usage/csv';
import { allUsage, applyRetention, clearLedger, recentCalls } from '@/utils/llm/background/ledger';
import { done, PAGES_ONLY, type HandlerMap } from '@/utils/background/handler';
import { noPayload } from '@/utils/background/validate';
import { spending as spentNow } from '@/utils/llm/background/budget';

const RECENT_CALLS = 100;

/** Today's and this month's spending against the budgets; `spent` when already worked out. */
async function spending(settings: Settings, spent?: { today: number; month: number }): Promise<Spending> {
  spent ??= await spentNow();
  return {
    todayUsd: spent.today,
    monthUsd: spent.month,
    dailyBudgetUsd: settings.dailyBudgetUsd,
    monthlyBudgetUsd: settings.monthlyBudgetUsd,
  };
}

/** The Usage page's and the popup badge's messages (extension pages only). */
export const usageHandlers: Pick<HandlerMap, 'getUsage' | 'getSpending' | 'exportUsage' | 'clearUsage'> = {
  getUsage: {
    allowedFrom: PAGES_ONLY,
    parse: noPayload,
    handle: async (_request, { settings }) => {
      await applyRetention();
      const now = Date.now();
      const { calls, rollups } = await allUsage();
      return {
        summary: summarizeUsage(calls, rollups, now),
        recent: await recentCalls(RECENT_CALLS),
        // Every call is at hand already: no second read for this month's.
        spending: await spending(settings, spendingOf(calls, now)),
      };
    },
  },
  getSpending: {
    allowedFrom: PAGES_ONLY,
    parse: noPayload,
    handle: async (_request, { settings }) => spending(settings),
  },
  exportUsage: {
    allowedFrom: PAGES_ONLY,
    parse: noPayload,
    handle: async () => {
      const { calls, rollups } = await allUsage();
      return { csv: usageCsv(calls, rollups) };
    },
  },
  clearUsage: {
    allowedFrom: PAGES_ONLY,
    parse: noPayload,
    handle: () => done(clearLedger()),
  },
};
