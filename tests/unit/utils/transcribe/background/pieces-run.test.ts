import { describe, expect, it } from 'vitest';
import { AppError } from '@/utils/errors';
import { runPieces, type PiecesRunDeps } from '@/utils/transcribe/background/pieces-run';
import type { TranscriptJob } from '@/utils/transcribe/transcript/jobs';

function jobOf(count: number, pieceSeconds = 180): TranscriptJob {
  return {
    id: 'j1',
    name: 'talk.wav',
    source: 'audio',
    seconds: count * pieceSeconds,
    createdAt: 0,
    updatedAt: 0,
    status: 'ready',
    pieces: Array.from({ length: count }, (_, index) => ({
      index,
      start: index * pieceSeconds,
      end: (index + 1) * pieceSeconds,
      status: 'waiting' as const,
    })),
  };
}

function deps(job: TranscriptJob, transcribe: PiecesRunDeps['transcribe'], concurrency = 4): PiecesRunDeps {
  return {
    transcribe,
    concurrency,
    update: async (change) => change(job),
    signal: new AbortController().signal,
    progress: () => {},
    messageOf: (error) => (error instanceof AppError ? error.code : String(error)),
  };
}

describe('runPieces', () => {
  it('transcribes at most four pieces at once and stitches their segments with each piece’s start', async () => {
    const job = jobOf(6);
    let inFlight = 0;
    let most = 0;
    const segments = await runPieces(
      job,
      deps(job, async (index) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5 + (index % 3) * 5));
        inFlight -= 1;
        return { segments: [{ start: 60, end: 90, text: `piece ${index}` }] };
      }),
    );
    expect(most).toBe(4);
    expect(segments.map((segment) => [segment.start, segment.text])).toEqual(
      [0, 1, 2, 3, 4, 5].map((index) => [index * 180 + 60, `piece ${index}`]),
    );
    expect(job.status).toBe('done');
    expect(job.segments).toEqual(segments);
  });

  it('retries a failed piece once; a piece failing twice leaves the job failed, the others done', async () => {
    const job = jobOf(3);
    const calls: number[] = [];
    const run = runPieces(
      job,
      deps(job, async (index) => {
        calls.push(index);
        if (index === 1) throw new AppError('network');
        return { segments: [{ start: 0, end: 1, text: 'ok' }] };
      }),
    );
    await expect(run).rejects.toMatchObject({ code: 'network' });
    expect(calls.filter((index) => index === 1)).toHaveLength(2);
    expect(job.status).toBe('failed');
    expect(job.pieces.map((piece) => piece.status)).toEqual(['done', 'failed', 'done']);
    expect(job.pieces[1]!.error).toBe('network');
  });

  it('on Retry sends only the pieces not yet done', async () => {
    const job = jobOf(3);
    job.pieces[0] = { ...job.pieces[0]!, status: 'done', segments: [{ start: 0, end: 5, text: 'kept' }] };
    job.pieces[1]!.status = 'failed';
    const sent: number[] = [];
    const segments = await runPieces(
      job,
      deps(job, async (index) => {
        sent.push(index);
        return { segments: [{ start: 0, end: 5, text: `new ${index}` }] };
      }),
    );
    expect(sent.sort()).toEqual([1, 2]);
    expect(segments.map((segment) => segment.text)).toEqual(['kept', 'new 1', 'new 2']);
  });

  it('stops everything at a fatal error (a wrong key)', async () => {
    const job = jobOf(8);
    let calls = 0;
    const run = runPieces(
      job,
      deps(job, async () => {
        calls += 1;
        throw new AppError('invalid_key');
      }),
    );
    await expect(run).rejects.toMatchObject({ code: 'invalid_key' });
    expect(calls).toBeLessThanOrEqual(4);
    expect(job.status).toBe('failed');
  });
});
