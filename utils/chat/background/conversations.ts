import type { IDBPDatabase } from 'idb';
import type { ChatMessage, Conversation, ConversationSummary } from '@/utils/chat/types';
import { AppError } from '@/utils/errors';
import { lazyDatabase } from '@/utils/background/database';

/**
 * The chat history, in the extension's IndexedDB. Only the background writes it: it stores each
 * answer as it streams, so an answer outlives the popup that asked for it. Messages are kept
 * apart from their conversation so that a streaming write touches one small record, not the
 * whole conversation.
 */
const DB_NAME = 'glance-chat';
const CONVERSATIONS = 'conversations';
const MESSAGES = 'messages';
const META = 'meta';

/** A message as stored: with its conversation and its place in it. */
export interface StoredMessage extends ChatMessage {
  conversationId: string;
  seq: number;
}

const db = lazyDatabase(DB_NAME, 1, (database) => {
  database.createObjectStore(CONVERSATIONS, { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
  database.createObjectStore(MESSAGES, { keyPath: 'id' }).createIndex('conversationId', 'conversationId');
  database.createObjectStore(META);
});

/**
 * Runs one storage operation. Any IndexedDB failure (a full disk, a quota, a broken database)
 * becomes `storage_failed` with the browser's own words, so the user is told instead of the
 * history silently missing an answer.
 */
async function storage<T>(operation: (database: IDBPDatabase) => Promise<T>): Promise<T> {
  try {
    return await operation(await db());
  } catch (error) {
    if (error instanceof AppError) throw error;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new AppError('storage_failed', { params: { detail }, detail, cause: error });
  }
}

function summaryOf(record: ConversationSummary): ConversationSummary {
  const { id, title, model, createdAt, updatedAt, messageCount } = record;
  return { id, title, model, createdAt, updatedAt, messageCount };
}

function messageOf(record: StoredMessage): ChatMessage {
  const { conversationId: _conversation, seq: _seq, ...message } = record;
  return message;
}

/** A conversation with its messages in order, or undefined. */
export async function getConversation(id: string): Promise<Conversation | undefined> {
  return storage(async (database) => {
    const tx = database.transaction([CONVERSATIONS, MESSAGES]);
    const [record, messages] = await Promise.all([
      tx.objectStore(CONVERSATIONS).get(id) as Promise<ConversationSummary | undefined>,
      tx.objectStore(MESSAGES).index('conversationId').getAll(id) as Promise<StoredMessage[]>,
    ]);
    if (!record) return undefined;
    messages.sort((a, b) => a.seq - b.seq);
    return { ...summaryOf(record), messages: messages.map(messageOf) };
  });
}

/** Stored messages of a conversation, in order (with their `seq`). */
export async function getStoredMessages(conversationId: string): Promise<StoredMessage[]> {
  return storage(async (database) => {
    const messages = (await database.getAllFromIndex(MESSAGES, 'conversationId', conversationId)) as StoredMessage[];
    return messages.sort((a, b) => a.seq - b.seq);
  });
}

/** Every conversation, newest first; with a query, those whose title or messages contain it. */
export async function listConversations(query = ''): Promise<ConversationSummary[]> {
  return storage(async (database) => {
    const all = ((await database.getAll(CONVERSATIONS)) as ConversationSummary[]).map(summaryOf);
    all.sort((a, b) => b.updatedAt - a.updatedAt);
    const needle = query.trim().toLocaleLowerCase();
    if (!needle) return all;
    const matching = new Set(all.filter((c) => c.title.toLocaleLowerCase().includes(needle)).map((c) => c.id));
    // One pass over the messages with a cursor: nothing but the matching ids is kept in memory.
    let cursor = await database.transaction(MESSAGES).store.openCursor();
    while (cursor) {
      const message = cursor.value as StoredMessage;
      if (!matching.has(message.conversationId) && message.content.toLocaleLowerCase().includes(needle)) {
        matching.add(message.conversationId);
      }
      cursor = await cursor.continue();
    }
    return all.filter((c) => matching.has(c.id));
  });
}

/**
 * Adds messages to a conversation, creating it from `create` when it does not exist yet, in one
 * transaction: a conversation never exists without the message that started it.
 */
export async function appendMessages(
  conversation: { id: string; create?: Omit<ConversationSummary, 'messageCount'>; model?: string },
  messages: StoredMessage[],
): Promise<void> {
  await storage(async (database) => {
    const tx = database.transaction([CONVERSATIONS, MESSAGES], 'readwrite');
    const conversations = tx.objectStore(CONVERSATIONS);
    const existing = (await conversations.get(conversation.id)) as ConversationSummary | undefined;
    const base = existing ?? (conversation.create ? { ...conversation.create, messageCount: 0 } : undefined);
    if (!base) throw new AppError('refused', { detail: 'no such conversation' });
    const now = Math.max(...messages.map((m) => m.createdAt), base.updatedAt);
    await Promise.all([
      conversations.put({
        ...base,
        model: conversation.model ?? base.model,
        updatedAt: now,
        messageCount: base.messageCount + messages.length,
      }),
      ...messages.map((message) => tx.objectStore(MESSAGES).put(message)),
      tx.done,
    ]);
  });
}

/** Replaces one stored message (an answer as it streams, or when it ends). */
export async function putMessage(message: StoredMessage, touchConversation = false): Promise<void> {
  await storage(async (database) => {
    if (!touchConversation) {
      await database.put(MESSAGES, message);
      return;
    }
    const tx = database.transaction([CONVERSATIONS, MESSAGES], 'readwrite');
    const record = (await tx.objectStore(CONVERSATIONS).get(message.conversationId)) as ConversationSummary | undefined;
    await Promise.all([
      tx.objectStore(MESSAGES).put(message),
      record && tx.objectStore(CONVERSATIONS).put({ ...record, updatedAt: Math.max(record.updatedAt, Date.now()) }),
      tx.done,
    ]);
  });
}

/** Changes a conversation's title or model. */
export async function updateConversation(
  id: string,
  patch: Partial<Pick<ConversationSummary, 'title' | 'model'>>,
): Promise<void> {
  await storage(async (database) => {
    const tx = database.transaction(CONVERSATIONS, 'readwrite');
    const record = (await tx.store.get(id)) as ConversationSummary | undefined;
    if (!record) throw new AppError('refused', { detail: 'no such conversation' });
    await Promise.all([tx.store.put({ ...record, ...patch }), tx.done]);
  });
}

/** Deletes a conversation and its messages. */
export async function deleteConversation(id: string): Promise<void> {
  await storage(async (database) => {
    const tx = database.transaction([CONVERSATIONS, MESSAGES, META], 'readwrite');
    const keys = await tx.objectStore(MESSAGES).index('conversationId').getAllKeys(id);
    const current = await tx.objectStore(META).get('current');
    await Promise.all([
      tx.objectStore(CONVERSATIONS).delete(id),
      ...keys.map((key) => tx.objectStore(MESSAGES).delete(key)),
      current === id ? tx.objectStore(META).put(null, 'current') : undefined,
      tx.done,
    ]);
  });
}

/** Whether a conversation is stored. */
export async function hasConversation(id: string): Promise<boolean> {
  return storage(async (database) => (await database.count(CONVERSATIONS, id)) > 0);
}

/** Stores a whole conversation (an import); its message order is kept. */
export async function putConversation(conversation: Conversation): Promise<void> {
  await storage(async (database) => {
    const tx = database.transaction([CONVERSATIONS, MESSAGES], 'readwrite');
    const { messages, ...summary } = conversation;
    await Promise.all([
      tx.objectStore(CONVERSATIONS).put({ ...summary, messageCount: messages.length }),
      ...messages.map((message, seq) => tx.objectStore(MESSAGES).put({ ...message, conversationId: conversation.id, seq })),
      tx.done,
    ]);
  });
}

/** The conversation the popup opens with, or null for a new chat. */
export async function getCurrentId(): Promise<string | null> {
  return storage(async (database) => {
    const value: unknown = await database.get(META, 'current');
    return typeof value === 'string' ? value : null;
  });
}

/** Sets the conversation the popup opens with. */
export async function setCurrentId(id: string | null): Promise<void> {
  await storage(async (database) => {
    await database.put(META, id, 'current');
  });
}

/** The one unsent draft kept: whose it is (null: a new chat) and its text. */
interface Draft {
  conversationId: string | null;
  text: string;
}

/** The draft typed in a conversation (null: a new chat), or '' when the kept draft is another's. */
export async function getDraft(conversationId: string | null): Promise<string> {
  return storage(async (database) => {
    const draft = (await database.get(META, 'draft')) as Draft | undefined;
    return draft && draft.conversationId === conversationId ? draft.text : '';
  });
}

/** Keeps the draft typed in a conversation (one draft at a time: the last one typed). */
export async function setDraft(conversationId: string | null, text: string): Promise<void> {
  await storage(async (database) => {
    if (text) await database.put(META, { conversationId, text } satisfies Draft, 'draft');
    else await database.delete(META, 'draft');
  });
}
