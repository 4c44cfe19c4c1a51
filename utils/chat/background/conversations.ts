import type { ChatMessage, Conversation, ConversationSummary } from '@/utils/chat/types';
import { AppError } from '@/utils/errors';
import { CONVERSATIONS, MESSAGES, META, storage, type StoredMessage } from './chat-db';

export type { StoredMessage } from './chat-db';

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

/** A conversation as one transaction reads it. */
export interface ConversationState {
  record: ConversationSummary | undefined;
  /** Its messages, in order. */
  messages: StoredMessage[];
  /** Which of the ids asked about are stored already, in any conversation. */
  taken: Set<string>;
}

/** What a transaction writes: the conversation's record, messages, whether it becomes current. */
export interface ConversationWrite {
  record?: ConversationSummary;
  messages?: StoredMessage[];
  current?: boolean;
}

/**
 * Reads a conversation, lets `decide` choose what to write, and writes it, all in one
 * transaction: nothing can change the conversation between the read and the write (two popups
 * sending into it at once). `decide` runs synchronously inside the transaction; when it throws,
 * nothing is written and its error is thrown. `decided` is called once the writes are asked for,
 * before they are committed (the caller may go on meanwhile: the returned promise still says
 * whether they were).
 */
export async function changeConversation(
  id: string,
  ids: string[],
  decide: (state: ConversationState) => ConversationWrite,
  decided?: () => void,
): Promise<void> {
  await storage(async (database) => {
    const tx = database.transaction([CONVERSATIONS, MESSAGES, META], 'readwrite');
    const messageStore = tx.objectStore(MESSAGES);
    const [record, messages, counts] = await Promise.all([
      tx.objectStore(CONVERSATIONS).get(id) as Promise<ConversationSummary | undefined>,
      messageStore.index('conversationId').getAll(id) as Promise<StoredMessage[]>,
      Promise.all(ids.map((key) => messageStore.count(key))),
    ]);
    messages.sort((a, b) => a.seq - b.seq);
    let write: ConversationWrite;
    try {
      write = decide({ record, messages, taken: new Set(ids.filter((_, i) => counts[i]! > 0)) });
    } catch (error) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw error;
    }
    const committed = Promise.all([
      write.record && tx.objectStore(CONVERSATIONS).put(write.record),
      ...(write.messages ?? []).map((message) => messageStore.put(message)),
      write.current && tx.objectStore(META).put(id, 'current'),
      tx.done,
    ]);
    decided?.();
    await committed;
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

/**
 * Stores a whole imported conversation, its message order kept, unless one with its id is
 * stored already (then nothing is written and it returns false). Checked and written in one
 * transaction, with `add`: an import never replaces anything stored.
 */
export async function addConversation(conversation: Conversation): Promise<boolean> {
  return storage(async (database) => {
    const tx = database.transaction([CONVERSATIONS, MESSAGES], 'readwrite');
    const conversations = tx.objectStore(CONVERSATIONS);
    if ((await conversations.count(conversation.id)) > 0) {
      await tx.done;
      return false;
    }
    const { messages, ...summary } = conversation;
    await Promise.all([
      conversations.add({ ...summary, messageCount: messages.length }),
      ...messages.map((message, seq) => tx.objectStore(MESSAGES).add({ ...message, conversationId: conversation.id, seq })),
      tx.done,
    ]);
    return true;
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
