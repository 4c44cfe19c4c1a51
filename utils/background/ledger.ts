import { openDB, type IDBPDatabase } from 'idb';
import type { ErrorCode } from '../errors';

/** What Glance was doing when it called the API. */
export type Feature = 'chat' | 'summarize' | 'translate' | 'ask' | 'transcribe' | 'test';

/** One API call, as the usage ledger keeps it. Written by the background only. */
export interface CallRecord {
  id?: number;
  /** Epoch ms when the call ended. */
  time: number;
  feature: Feature;
  model: string;
  /** The endpoint's host, e.g. api.openai.com. */
  host: string;
  promptTokens: number;
  cachedTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  /** Seconds of audio, for transcription. */
  audioSeconds?: number;
  /** True when the provider reported no usage and the counts are Glance's own. */
  estimated: boolean;
  /** USD at the prices in force at the time; null when the model has no price. */
  costUsd: number | null;
  /** 'ok', or the error the call ended with (an interrupted answer is still billed). */
  status: 'ok' | ErrorCode;
}

const DB_NAME = 'glance-ledger';
const CALLS = 'calls';

let database: Promise<IDBPDatabase> | undefined;

function db(): Promise<IDBPDatabase> {
  database ??= openDB(DB_NAME, 1, {
    upgrade(upgradeDb) {
      const calls = upgradeDb.createObjectStore(CALLS, { keyPath: 'id', autoIncrement: true });
      calls.createIndex('time', 'time');
    },
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      database = undefined;
    },
    terminated() {
      database = undefined;
    },
  });
  return database;
}

/** Appends one call to the ledger. */
export async function recordCall(record: CallRecord): Promise<void> {
  const { id: _ignored, ...entry } = record;
  await (await db()).add(CALLS, entry);
}

/** Calls that ended at or after `since` (epoch ms), oldest first. */
export async function callsSince(since: number): Promise<CallRecord[]> {
  return (await db()).getAllFromIndex(CALLS, 'time', IDBKeyRange.lowerBound(since));
}

/** Total known cost in USD of the calls since `since`. */
export async function spentSince(since: number): Promise<number> {
  const calls = await callsSince(since);
  return calls.reduce((sum, call) => sum + (call.costUsd ?? 0), 0);
}
