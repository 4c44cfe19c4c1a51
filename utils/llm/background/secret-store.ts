import type { ProviderId } from '@/utils/llm/providers';
import { lazyDatabase } from '@/utils/database';

/**
 * API keys, one per provider, in the extension origin's IndexedDB. Content scripts run with the
 * page's origin and so see only the page's IndexedDB, in every browser; `storage.local` would be
 * readable by them in Firefox. Only the background imports this module.
 */
const DB_NAME = 'glance-secrets';
const STORE = 'keys';

const db = lazyDatabase(DB_NAME, 1, (database) => {
  database.createObjectStore(STORE);
});

/** Opens the keys' database ahead of the first request of a worker that just started. */
export function openSecrets(): void {
  db().catch(() => {});
}

/** Cleans a pasted key: surrounding spaces, newlines, and a copied "Bearer " prefix. */
export function cleanKey(input: string): string {
  return input.replace(/\s+/g, '').replace(/^Bearer(?=sk-|[A-Za-z0-9]{20,})/, '');
}

/** The stored key for a provider, or '' when none. */
export async function getApiKey(provider: ProviderId): Promise<string> {
  const value: unknown = await (await db()).get(STORE, provider);
  return typeof value === 'string' ? value : '';
}

/** Stores (or, with an empty string, forgets) a provider's key. */
export async function setApiKey(provider: ProviderId, key: string): Promise<void> {
  const cleaned = cleanKey(key);
  if (cleaned) await (await db()).put(STORE, cleaned, provider);
  else await (await db()).delete(STORE, provider);
}

/** Last four characters, for "saved key ending in …abcd"; nothing for short keys. */
export function keyHint(key: string): string {
  return key.length >= 12 ? `…${key.slice(-4)}` : key ? '…' : '';
}
