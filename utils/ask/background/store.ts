import { lazyDatabase } from '@/utils/database';
import { conversationUrl, type PageConversation, type PageTurn } from '@/utils/ask/types';

/**
 * Conversations about pages, one per page address, in the extension's own IndexedDB (written by
 * the background only). Reopening the panel on a page shows its conversation again.
 */
const DB_NAME = 'glance-page-asks';
const STORE = 'conversations';
/** Pages kept; the least recently used go past this. */
export const MAX_PAGES = 300;
/** Questions kept per page. */
const MAX_TURNS = 100;

const db = lazyDatabase(DB_NAME, 1, (database) => {
  database.createObjectStore(STORE, { keyPath: 'url' }).createIndex('updatedAt', 'updatedAt');
});

/** The conversation about a page, or null. */
export async function getConversation(url: string): Promise<PageConversation | null> {
  return ((await (await db()).get(STORE, conversationUrl(url))) as PageConversation | undefined) ?? null;
}

/** Adds or replaces (same id) a turn of a page's conversation. */
export async function putTurn(url: string, title: string, turn: PageTurn, now = Date.now()): Promise<void> {
  const database = await db();
  const key = conversationUrl(url);
  const stored = ((await database.get(STORE, key)) as PageConversation | undefined) ?? {
    url: key,
    title,
    turns: [],
    updatedAt: now,
  };
  const turns = stored.turns.filter((existing) => existing.id !== turn.id);
  turns.push(turn);
  await database.put(STORE, { ...stored, title: title || stored.title, turns: turns.slice(-MAX_TURNS), updatedAt: now });
  const count = await database.count(STORE);
  if (count > MAX_PAGES) {
    const index = database.transaction(STORE, 'readwrite').store.index('updatedAt');
    let cursor = await index.openCursor();
    for (let extra = count - MAX_PAGES; cursor && extra > 0; extra--) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  }
}

/** "New chat" in the panel: the page's earlier turns stay stored, the panel starts afresh. */
export async function startNewChat(url: string, now = Date.now()): Promise<void> {
  const database = await db();
  const stored = (await database.get(STORE, conversationUrl(url))) as PageConversation | undefined;
  if (stored) await database.put(STORE, { ...stored, newChatAt: now });
}

/** Every page conversation, newest first (export). */
export async function listConversations(): Promise<PageConversation[]> {
  const all = (await (await db()).getAll(STORE)) as PageConversation[];
  return all.sort((a, b) => b.updatedAt - a.updatedAt);
}
