import { lazyDatabase } from '@/utils/database';
import type { Segment } from './segments';

/**
 * Transcription jobs of whole files and page media, in the extension's own IndexedDB. The
 * transcribe page cuts the audio and writes the pieces here; the background reads them by key,
 * transcribes them and writes each piece's state and segments back as it goes, so the page shows
 * the progress again after a reload and a worker restart loses no finished piece.
 */
const DB_NAME = 'glance-transcripts';
const JOBS = 'jobs';
const PIECES = 'pieces';

/** One piece of a job's audio, as transcribed so far. */
export interface PieceState {
  index: number;
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
  status: 'waiting' | 'running' | 'done' | 'failed';
  /** The piece's own segments (times from the piece's start), once done. */
  segments?: Segment[];
  error?: string;
}

/** A transcript being made (or made) of one file or media element. */
export interface TranscriptJob {
  id: string;
  /** The file's name, or the media's address. */
  name: string;
  /** Where the audio came from: the tab and the index of its media element, to seek it. */
  tabId?: number;
  mediaIndex?: number;
  /** 'captions': the page's own, free; 'audio': transcribed by the API. */
  source: 'audio' | 'captions';
  seconds: number;
  createdAt: number;
  /** Last change by the background (a running job that stops changing was interrupted). */
  updatedAt: number;
  status: 'ready' | 'running' | 'done' | 'failed';
  pieces: PieceState[];
  /** The stitched transcript, once every piece is done (or the captions). */
  segments?: Segment[];
  error?: string;
  summary?: string;
}

/** A piece's audio: a whole file, or a cut with a fresh header. */
export interface PieceAudio {
  key: string;
  jobId: string;
  blob: Blob;
  /** The upload's file name: the API judges the format by its extension. */
  fileName: string;
}

const db = lazyDatabase(DB_NAME, 1, (handle) => {
  handle.createObjectStore(JOBS, { keyPath: 'id' });
  handle.createObjectStore(PIECES, { keyPath: 'key' }).createIndex('job', 'jobId');
});

/** The key of a job's piece. */
export const pieceKey = (jobId: string, index: number) => `${jobId}:${index}`;

/** Stores a job with its pieces' audio, in one transaction. */
export async function saveJob(job: TranscriptJob, audio: readonly Omit<PieceAudio, 'key' | 'jobId'>[] = []): Promise<void> {
  const transaction = (await db()).transaction([JOBS, PIECES], 'readwrite');
  await Promise.all([
    transaction.objectStore(JOBS).put(job),
    ...audio.map((piece, index) =>
      transaction.objectStore(PIECES).put({ ...piece, key: pieceKey(job.id, index), jobId: job.id }),
    ),
    transaction.done,
  ]);
}

/** A job by id, or undefined. */
export async function getJob(id: string): Promise<TranscriptJob | undefined> {
  return (await (await db()).get(JOBS, id)) as TranscriptJob | undefined;
}

/** A piece's audio, or undefined when it is gone. */
export async function getPieceAudio(jobId: string, index: number): Promise<PieceAudio | undefined> {
  return (await (await db()).get(PIECES, pieceKey(jobId, index))) as PieceAudio | undefined;
}

/** Changes a stored job (read and written in one transaction); returns it, or undefined when it is gone. */
export async function updateJob(id: string, change: (job: TranscriptJob) => void): Promise<TranscriptJob | undefined> {
  const transaction = (await db()).transaction(JOBS, 'readwrite');
  const job = (await transaction.store.get(id)) as TranscriptJob | undefined;
  if (job) {
    change(job);
    job.updatedAt = Date.now();
    await transaction.store.put(job);
  }
  await transaction.done;
  return job;
}

/** Deletes a job's audio (its transcript is complete: the pieces are no longer needed). */
export async function deletePieceAudio(jobId: string): Promise<void> {
  const transaction = (await db()).transaction(PIECES, 'readwrite');
  for (const key of await transaction.store.index('job').getAllKeys(jobId)) await transaction.store.delete(key);
  await transaction.done;
}
