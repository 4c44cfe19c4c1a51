import { lazyDatabase } from '@/utils/database';
import type { Recording } from './types';

/**
 * Dictations waiting for their transcript, in the extension's own IndexedDB. The page that
 * records writes the audio here and the background reads it by id: the audio crosses from the
 * page to the background as a Blob, without base64 through messages. A recording stays until its
 * transcript has reached the composer, so a closed popup, a worker restart or a failed request
 * loses nothing.
 */
const DB_NAME = 'glance-voice';
const STORE = 'recordings';

const db = lazyDatabase(DB_NAME, 1, (handle) => {
  handle.createObjectStore(STORE, { keyPath: 'id' }).createIndex('composer', 'composer');
});

/** Stores a new recording. */
export async function saveRecording(recording: Recording): Promise<void> {
  await (await db()).put(STORE, recording);
}

/** A recording by id, or undefined when it was discarded or taken. */
export async function getRecording(id: string): Promise<Recording | undefined> {
  return (await (await db()).get(STORE, id)) as Recording | undefined;
}

/** Changes a stored recording; nothing when it is gone (discarded meanwhile). */
export async function updateRecording(id: string, patch: Partial<Omit<Recording, 'id'>>): Promise<void> {
  const transaction = (await db()).transaction(STORE, 'readwrite');
  const current = (await transaction.store.get(id)) as Recording | undefined;
  if (current) await transaction.store.put({ ...current, ...patch, id });
  await transaction.done;
}

/** The recordings of one composer, oldest first. */
export async function recordingsOf(composer: string): Promise<Recording[]> {
  const list = (await (await db()).getAllFromIndex(STORE, 'composer', composer)) as Recording[];
  return list.sort((a, b) => a.createdAt - b.createdAt);
}

/** Deletes a recording (Discard, or its transcript is in the composer). */
export async function deleteRecording(id: string): Promise<void> {
  await (await db()).delete(STORE, id);
}
