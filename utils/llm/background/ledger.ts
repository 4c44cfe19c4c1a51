import { dayStart, daysBefore } from '@/utils/usage/totals';
import type { CallRecord, DayRollup } from '@/utils/usage/types';
import { lazyDatabase } from '@/utils/database';
import { summable } from '@/utils/usage/counts';

export type { CallRecord, DayRollup, Feature } from '@/utils/usage/types';

/**
 * The usage ledger: every API call Glance makes, in the extension's IndexedDB, written by the
 * background only. Calls older than a year are summed into one row per day, feature, model and
 * host ("rolled up"), so the store stays small and no spending is ever lost.
 */
const DB_NAME = 'glance-ledger';
const CALLS = 'calls';
const ROLLUPS = 'rollups';
/** Single calls are kept this many days; older ones are rolled up. */
export const KEEP_DAYS = 366;

// Version 2 indexes calls by status, to find the provisional lines a dead worker left.
const db = lazyDatabase(DB_NAME, 2, (database, oldVersion, _newVersion, transaction) => {
  if (oldVersion < 1) {
    database.createObjectStore(CALLS, { keyPath: 'id', autoIncrement: true }).createIndex('time', 'time');
    database.createObjectStore(ROLLUPS, { keyPath: 'key' });
  }
  if (oldVersion < 2) transaction.objectStore(CALLS).createIndex('status', 'status');
});

/** Appends one call to the ledger; returns its id. */
export async function recordCall(record: CallRecord): Promise<number> {
  const { id: _ignored, ...entry } = record;
  return (await (await db()).add(CALLS, entry)) as number;
}

/** Replaces the call `id` (a provisional line) with its final record. */
export async function replaceCall(id: number, record: CallRecord): Promise<void> {
  await (await db()).put(CALLS, { ...record, id });
}

/**
 * Changes the call `id` only while it is still pending, in one transaction: a late write of the
 * text that arrived, or a second settling, never overwrites a settled line. Returns whether it did.
 */
export async function updatePending(id: number, change: (line: CallRecord) => CallRecord): Promise<boolean> {
  const transaction = (await db()).transaction(CALLS, 'readwrite');
  const line = (await transaction.store.get(id)) as CallRecord | undefined;
  const pending = line?.status === 'pending';
  if (line && pending) await transaction.store.put({ ...change(line), id });
  await transaction.done;
  return pending;
}

/** Every provisional line (calls still streaming, or left by a worker that died). */
export async function pendingCalls(): Promise<CallRecord[]> {
  return (await db()).getAllFromIndex(CALLS, 'status', 'pending');
}

/** Calls that ended at or after `since` (epoch ms), oldest first. */
export async function callsSince(since: number): Promise<CallRecord[]> {
  return (await db()).getAllFromIndex(CALLS, 'time', IDBKeyRange.lowerBound(since));
}

/** The most recent calls, newest first (without a pending line's saved text: the table needs none). */
export async function recentCalls(limit: number): Promise<CallRecord[]> {
  const calls: CallRecord[] = [];
  let cursor = await (await db()).transaction(CALLS).store.index('time').openCursor(null, 'prev');
  while (cursor && calls.length < limit) {
    const { arrived: _text, ...call } = cursor.value as CallRecord;
    calls.push(call);
    cursor = await cursor.continue();
  }
  return calls;
}

/** Every single call and every rolled-up day. */
export async function allUsage(): Promise<{ calls: CallRecord[]; rollups: DayRollup[] }> {
  const handle = await db();
  const [calls, rollups] = await Promise.all([handle.getAll(CALLS), handle.getAll(ROLLUPS)]);
  return { calls: calls as CallRecord[], rollups: rollups as DayRollup[] };
}

/** The rollup a call belongs to: its day, feature, model and host. */
function rollupKey(call: CallRecord): string {
  return `${dayStart(call.time)}|${call.feature}|${call.model}|${call.host}`;
}

/** Adds one call to a day's rollup (creating it); a bad stored number adds 0, never a string or less. */
function rollInto(rollup: DayRollup | undefined, call: CallRecord): DayRollup {
  const base: DayRollup = rollup ?? {
    key: rollupKey(call),
    day: dayStart(call.time),
    feature: call.feature,
    model: call.model,
    host: call.host,
    calls: 0,
    promptTokens: 0,
    cachedTokens: 0,
    completionTokens: 0,
    reasoningTokens: 0,
    audioSeconds: 0,
    costUsd: 0,
    unpricedCalls: 0,
    estimatedCalls: 0,
  };
  return {
    ...base,
    calls: summable(base.calls) + 1,
    promptTokens: summable(base.promptTokens) + summable(call.promptTokens),
    cachedTokens: summable(base.cachedTokens) + summable(call.cachedTokens),
    completionTokens: summable(base.completionTokens) + summable(call.completionTokens),
    reasoningTokens: summable(base.reasoningTokens) + summable(call.reasoningTokens),
    audioSeconds: summable(base.audioSeconds) + summable(call.audioSeconds),
    costUsd: summable(base.costUsd) + summable(call.costUsd),
    unpricedCalls: summable(base.unpricedCalls) + (call.costUsd === null ? 1 : 0),
    estimatedCalls: summable(base.estimatedCalls) + (call.estimated ? 1 : 0),
  };
}

/**
 * Rolls up calls older than {@link KEEP_DAYS} days into per-day rows, in one transaction, so a
 * crash midway loses nothing. Returns how many calls were rolled up.
 */
export async function applyRetention(now = Date.now()): Promise<number> {
  const cutoff = daysBefore(now, KEEP_DAYS);
  const transaction = (await db()).transaction([CALLS, ROLLUPS], 'readwrite');
  const calls = transaction.objectStore(CALLS);
  const rollups = transaction.objectStore(ROLLUPS);
  let moved = 0;
  let cursor = await calls.index('time').openCursor(IDBKeyRange.upperBound(cutoff, true));
  while (cursor) {
    const call = cursor.value as CallRecord;
    await rollups.put(rollInto((await rollups.get(rollupKey(call))) as DayRollup | undefined, call));
    await cursor.delete();
    moved += 1;
    cursor = await cursor.continue();
  }
  await transaction.done;
  return moved;
}

/** Deletes every call and rollup ("Clear all"). */
export async function clearLedger(): Promise<void> {
  const transaction = (await db()).transaction([CALLS, ROLLUPS], 'readwrite');
  await Promise.all([transaction.objectStore(CALLS).clear(), transaction.objectStore(ROLLUPS).clear(), transaction.done]);
}
