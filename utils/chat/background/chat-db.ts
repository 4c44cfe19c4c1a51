import type { IDBPDatabase } from 'idb';
import type { ChatMessage } from '@/utils/chat/types';
import { AppError } from '@/utils/errors';
import { lazyDatabase } from '@/utils/database';

/**
 * The chat history, in the extension's IndexedDB. Only the background writes it: it stores each
 * answer as it streams, so an answer outlives the popup that asked for it. Messages are kept
 * apart from their conversation so that a streaming write touches one small record, not the
 * whole conversation.
 */
const DB_NAME = 'glance-chat';
/** Conversation records without their messages, by id. */
export const CONVERSATIONS = 'conversations';
/** Messages by id, indexed by their conversation. */
export const MESSAGES = 'messages';
/** Small values: the current conversation, the draft. */
export const META = 'meta';

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

/** Opens the database ahead of its first use (a worker woken by a question opens it as it starts). */
export function openChatDatabase(): void {
  db().catch(() => {});
}

/**
 * Runs one storage operation. Any IndexedDB failure (a full disk, a quota, a broken database)
 * becomes `storage_failed` with the browser's own words, so the user is told instead of the
 * history silently missing an answer.
 */
export async function storage<T>(operation: (database: IDBPDatabase) => Promise<T>): Promise<T> {
  try {
    return await operation(await db());
  } catch (error) {
    if (error instanceof AppError) throw error;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new AppError('storage_failed', { params: { detail }, detail, cause: error });
  }
}
