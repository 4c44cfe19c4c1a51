import { lazyDatabase } from '@/utils/database';

/** Translations kept at most; past this the least recently used go first. */
export const CACHE_MAX_ENTRIES = 50_000;

interface Entry {
  key: string;
  text: string;
  /** Epoch ms of the last write or read: the eviction order. */
  used: number;
}

const database = lazyDatabase('glance-page-translations', 1, (db) => {
  const store = db.createObjectStore('entries', { keyPath: 'key' });
  store.createIndex('used', 'used');
});

/** Opens the cache ahead of its first read (the popup is open on a page: a translation may follow). */
export function openCache(): void {
  database().catch((error) => console.warn('page translation cache not opened', error));
}

/** The cache key of one paragraph: SHA-256 of its text, target language and model, hex. */
export async function cacheKey(text: string, target: string, model: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${model}\n${target}\n${text}`));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The stored translations of `keys`, in order (undefined where none). Read in a read-only
 * transaction, so the answer does not wait for a commit; the entries found are marked as just
 * used in a write that follows (transactions on the store run in order, so a later write sees it).
 */
export async function readCached(keys: readonly string[], now = Date.now()): Promise<(string | undefined)[]> {
  const db = await database();
  const { store } = db.transaction('entries', 'readonly');
  const entries = (await Promise.all(keys.map((key) => store.get(key)))) as (Entry | undefined)[];
  const found = entries.filter((entry): entry is Entry => entry !== undefined);
  if (found.length) {
    const touch = db.transaction('entries', 'readwrite');
    for (const entry of found) void touch.store.put({ ...entry, used: now } satisfies Entry);
    touch.done.catch((error) => console.warn('page translations not marked as used', error));
  }
  return entries.map((entry) => entry?.text);
}

/** Stores translations, then drops the least recently used beyond `max`. */
export async function writeCached(
  entries: readonly { key: string; text: string }[],
  max = CACHE_MAX_ENTRIES,
  now = Date.now(),
): Promise<void> {
  if (!entries.length) return;
  const db = await database();
  const tx = db.transaction('entries', 'readwrite');
  await Promise.all(entries.map((entry) => tx.store.put({ ...entry, used: now } satisfies Entry)));
  let excess = (await tx.store.count()) - max;
  if (excess > 0) {
    // A tenth more than needed: eviction then runs once per many writes, not on every one.
    excess += Math.floor(max / 10);
    let cursor = await tx.store.index('used').openCursor();
    while (cursor && excess > 0) {
      await cursor.delete();
      excess -= 1;
      cursor = await cursor.continue();
    }
  }
  await tx.done;
}
