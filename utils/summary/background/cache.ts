import type { ChatTurn } from '@/utils/llm/request';
import type { StoredSummary } from '@/utils/summary/types';
import type { UsageReport } from '@/utils/llm/usage-report';
import { lazyDatabase } from '@/utils/database';

/**
 * Summaries already paid for, by page URL, content hash and language: reopening a page whose
 * text has not changed shows its summary at once and spends nothing. Kept in the extension's
 * own IndexedDB (written by the background only), the least recently used dropped past a limit.
 */
export interface CachedSummary extends StoredSummary {
  key: string;
  url: string;
  contentHash: string;
  title: string;
  /** Last time it was shown or written (for eviction). */
  usedAt: number;
}

const DB_NAME = 'glance-summaries';
const STORE = 'summaries';
/** Enough for weeks of reading; a summary is a few KB. */
export const MAX_ENTRIES = 500;

const db = lazyDatabase(DB_NAME, 1, (database) => {
  database.createObjectStore(STORE, { keyPath: 'key' }).createIndex('usedAt', 'usedAt');
});

/** The page address a summary belongs to: without its #fragment, which names a place, not a page. */
function cacheUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** SHA-256 of the page text, hex. */
export async function contentHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The cache key of a page's text in a language. */
export function cacheKey(url: string, hash: string, language: string): string {
  return `${cacheUrl(url)}\n${hash}\n${language}`;
}

/** The stored summary for a key, or null. */
export async function getCachedSummary(key: string): Promise<CachedSummary | null> {
  return ((await (await db()).get(STORE, key)) as CachedSummary | undefined) ?? null;
}

/** Stores (or replaces) a summary, keeping the questions already asked. Evicts the oldest past the limit. */
export async function putCachedSummary(entry: {
  key: string;
  url: string;
  contentHash: string;
  title: string;
  language: string;
  text: string;
  usage: UsageReport | null;
  now?: number;
}): Promise<void> {
  const now = entry.now ?? Date.now();
  const { now: _ignored, ...fields } = entry;
  const database = await db();
  const existing = (await database.get(STORE, entry.key)) as CachedSummary | undefined;
  const record: CachedSummary = {
    ...fields,
    url: cacheUrl(entry.url),
    createdAt: now,
    usedAt: now,
    thread: existing?.thread ?? [],
  };
  await database.put(STORE, record);
  const count = await database.count(STORE);
  if (count <= MAX_ENTRIES) return;
  const transaction = database.transaction(STORE, 'readwrite');
  let cursor = await transaction.store.index('usedAt').openCursor();
  for (let excess = count - MAX_ENTRIES; cursor && excess > 0; excess -= 1) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await transaction.done;
}

/** Changes a stored entry in one transaction (no-op when none is stored). */
async function updateEntry(key: string, change: (entry: CachedSummary) => CachedSummary): Promise<void> {
  const transaction = (await db()).transaction(STORE, 'readwrite');
  const entry = (await transaction.store.get(key)) as CachedSummary | undefined;
  if (entry) await transaction.store.put(change(entry));
  await transaction.done;
}

/** Appends a question and its answer to a stored summary's thread (no-op when none is stored). */
export async function appendToThread(key: string, turns: ChatTurn[]): Promise<void> {
  await updateEntry(key, (entry) => ({ ...entry, thread: [...entry.thread, ...turns], usedAt: Date.now() }));
}

/** Marks an entry as just used, so eviction keeps what is read. */
export async function touchCachedSummary(key: string, now = Date.now()): Promise<void> {
  await updateEntry(key, (entry) => ({ ...entry, usedAt: now }));
}

/** What crosses to the page: the summary and its thread, not the cache bookkeeping. */
export function toStored(entry: CachedSummary): StoredSummary {
  return { text: entry.text, usage: entry.usage, createdAt: entry.createdAt, language: entry.language, thread: entry.thread };
}
