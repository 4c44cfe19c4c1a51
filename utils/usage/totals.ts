import { summable, summableCost } from './counts';
import { featureGroup, type CallRecord, type DayRollup, type Feature } from './types';

/** Totals of a set of calls. */
export interface UsageTotals {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  /** Calls whose model has no price: their cost is unknown, not zero. */
  unpricedCalls: number;
}

/** One day's cost, split by feature, for the chart. */
export interface DayCost {
  /** Local midnight, epoch ms. */
  day: number;
  byFeature: Partial<Record<Feature, number>>;
}

export interface UsageSummary {
  today: UsageTotals;
  last7Days: UsageTotals;
  last30Days: UsageTotals;
  allTime: UsageTotals;
  /** The last 30 days, oldest first, one entry per day (empty days included). */
  daily: DayCost[];
}

/** Local midnight of the day containing `time`. */
export function dayStart(time: number): number {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Local midnight of the first day of the month containing `time`. */
export function monthStart(time: number): number {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), 1).getTime();
}

/** Local midnight `days` days before the day of `time` (DST-safe: by calendar, not by 24 h). */
export function daysBefore(time: number, days: number): number {
  const date = new Date(dayStart(time));
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - days).getTime();
}

function emptyTotals(): UsageTotals {
  return { calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, unpricedCalls: 0 };
}

/** Adds one call or rollup; every number is checked, since stored records may hold bad ones. */
function add(
  totals: UsageTotals,
  entry: { calls: number; promptTokens: number; completionTokens: number; costUsd: number | null; unpricedCalls: number },
) {
  totals.calls += summable(entry.calls);
  totals.promptTokens += summable(entry.promptTokens);
  totals.completionTokens += summable(entry.completionTokens);
  totals.costUsd += summable(entry.costUsd);
  totals.unpricedCalls += summable(entry.unpricedCalls);
}

/**
 * Totals for today, the last 7 and 30 days (today included) and all time, and the daily cost by
 * feature for the chart. Rolled-up days (older than a year) count towards all time.
 */
export function summarizeUsage(calls: readonly CallRecord[], rollups: readonly DayRollup[], now: number): UsageSummary {
  const today = dayStart(now);
  const since7 = daysBefore(now, 6);
  const since30 = daysBefore(now, 29);
  const summary: UsageSummary = {
    today: emptyTotals(),
    last7Days: emptyTotals(),
    last30Days: emptyTotals(),
    allTime: emptyTotals(),
    daily: [],
  };
  const byDay = new Map<number, DayCost>();
  for (let offset = 29; offset >= 0; offset -= 1) {
    const day = daysBefore(now, offset);
    const entry = { day, byFeature: {} };
    byDay.set(day, entry);
    summary.daily.push(entry);
  }

  for (const call of calls) {
    const entry = {
      calls: 1,
      promptTokens: call.promptTokens,
      completionTokens: call.completionTokens,
      costUsd: summableCost(call.costUsd),
      unpricedCalls: call.costUsd === null ? 1 : 0,
    };
    add(summary.allTime, entry);
    if (call.time >= since30) add(summary.last30Days, entry);
    if (call.time >= since7) add(summary.last7Days, entry);
    if (call.time >= today) add(summary.today, entry);
    const day = byDay.get(dayStart(call.time));
    const group = featureGroup(call.feature);
    if (day && entry.costUsd !== null) day.byFeature[group] = (day.byFeature[group] ?? 0) + entry.costUsd;
  }
  for (const rollup of rollups) add(summary.allTime, rollup);
  return summary;
}

/** Spending of the current local day and calendar month, in USD (a bad stored cost counts as 0). */
export function spendingOf(calls: readonly CallRecord[], now: number): { today: number; month: number } {
  const today = dayStart(now);
  const month = monthStart(now);
  let spentToday = 0;
  let spentMonth = 0;
  for (const call of calls) {
    const cost = summable(call.costUsd);
    if (call.time >= month) spentMonth += cost;
    if (call.time >= today) spentToday += cost;
  }
  return { today: spentToday, month: spentMonth };
}
