import type { Spending } from '../protocol';
import type { Settings } from '../settings';
import { summarizeUsage, spendingOf } from '../usage-summary';
import { usageCsv } from '../usage-csv';
import { allUsage, applyRetention, callsSince, clearLedger, recentCalls } from './ledger';
import type { HandlerMap } from './handlers';
import { noPayload } from './validate';
import { periodStarts } from './budget';

const PAGES_ONLY = ['extension-page'] as const;
const RECENT_CALLS = 100;

async function spending(settings: Settings, now = Date.now()): Promise<Spending> {
  const spent = spendingOf(await callsSince(periodStarts(new Date(now)).month), now);
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
        spending: await spending(settings, now),
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
    handle: async () => {
      await clearLedger();
      return null;
    },
  },
};
