/**
 * Transcribes the pieces of a job with a bounded number in flight (the summary's map step
 * orchestrator: rate limits slow it down, a failed piece is tried again once, a fatal error stops
 * it all), writing each piece's state to the job as it changes, then stitches the transcript.
 */
import { AppError } from '@/utils/errors';
import { mapParts, type PartResult } from '@/utils/summary/map-reduce';
import type { TranscriptJob } from '@/utils/transcribe/transcript/jobs';
import { stitchPieces, type Segment } from '@/utils/transcribe/transcript/segments';
import type { PieceResult } from './piece-call';

export interface PiecesRunDeps {
  /** Transcribes piece `index` of the job (its audio read from storage). */
  transcribe(index: number, signal: AbortSignal): Promise<PieceResult>;
  /** Writes a change of the job (the page shows it). */
  update(change: (job: TranscriptJob) => void): Promise<void>;
  concurrency: number;
  signal: AbortSignal;
  progress(done: number, total: number): void;
  /** The message a failed piece shows. */
  messageOf(error: unknown): string;
}

/**
 * Transcribes the pieces of `job` that are not done yet. Resolves with the stitched transcript
 * when every piece is done; a piece that failed twice leaves the job failed with its message
 * (finished pieces are kept, so Retry sends only the rest).
 */
export async function runPieces(job: TranscriptJob, deps: PiecesRunDeps): Promise<Segment[]> {
  const todo = job.pieces.filter((piece) => piece.status !== 'done').map((piece) => piece.index);
  const already = job.pieces.length - todo.length;
  const total = job.pieces.length;
  const setPiece = (index: number, patch: Partial<TranscriptJob['pieces'][number]>) =>
    deps.update((stored) => {
      const piece = stored.pieces.find((candidate) => candidate.index === index);
      if (piece) Object.assign(piece, patch);
    });
  await deps.update((stored) => {
    stored.status = 'running';
    stored.error = undefined;
    for (const piece of stored.pieces) if (piece.status !== 'done') Object.assign(piece, { status: 'waiting', error: undefined });
  });
  deps.progress(already, total);
  let results: PartResult[];
  try {
    results = await mapParts({
      total: todo.length,
      concurrency: deps.concurrency,
      signal: deps.signal,
      onProgress: (done) => deps.progress(already + done, total),
      call: async (at, _attempt, hooks) => {
        const index = todo[at]!;
        await setPiece(index, { status: 'running' });
        try {
          const result = await deps.transcribe(index, hooks.signal);
          await setPiece(index, { status: 'done', segments: result.segments, error: undefined });
          return '';
        } catch (error) {
          await setPiece(index, { status: 'failed', error: deps.messageOf(error) });
          throw error;
        }
      },
    });
  } catch (error) {
    await deps.update((stored) => {
      stored.status = 'failed';
      stored.error = deps.messageOf(error);
    });
    throw error;
  }
  const failed = results.find((result): result is Extract<PartResult, { ok: false }> => !result.ok);
  let segments: Segment[] = [];
  await deps.update((stored) => {
    if (failed) {
      stored.status = 'failed';
      stored.error = deps.messageOf(failed.error);
      return;
    }
    segments = stitchPieces(
      stored.pieces.map((piece) => ({ start: piece.start, end: piece.end, segments: piece.segments ?? [] })),
    );
    stored.segments = segments;
    stored.status = 'done';
  });
  if (failed) throw failed.error instanceof AppError ? failed.error : new AppError('network');
  return segments;
}
