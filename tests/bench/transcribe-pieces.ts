/**
 * Part 1 of `npm run bench -- transcribe`: a 90-minute, 43.2 MB MP3 cut at frame starts the way
 * the transcribe page cuts it, and its pieces transcribed by the background's own orchestration
 * (runPieces + transcribePiece through the openai SDK) against the fake server with a fixed
 * per-request delay, four at a time and one at a time.
 */
import { startFakeServer } from '@/tests/fake-server';
import { mp3Stream, MP3_FRAME_BYTES } from '@/tests/fake-server/audio-samples';
import { createClient, type Connection } from '@/utils/llm/background/client';
import { indexMp3, mp3Range, readFrameHeader } from '@/utils/transcribe/media/mp3';
import { coverage, planPieces } from '@/utils/transcribe/media/pieces';
import { transcribePiece } from '@/utils/transcribe/background/piece-call';
import { runPieces } from '@/utils/transcribe/background/pieces-run';
import type { TranscriptJob } from '@/utils/transcribe/transcript/jobs';
import { MAX_UPLOAD_BYTES } from '@/utils/transcribe/request';

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The 90-minute file and its cuts: sizes, coverage, the time the index took. */
export async function cutLongMp3(minutes: number) {
  const bytes = mp3Stream(minutes * 60, { id3: true });
  const started = performance.now();
  const index = await indexMp3(async (start, end) => bytes.subarray(start, end), bytes.length);
  const ranges = planPieces(index.seconds).map((span) => mp3Range(index, span.start, span.end));
  const cutMs = performance.now() - started;
  const spans = ranges.map((range) => ({ start: range.start, end: range.end }));
  const cover = coverage(spans, index.seconds);
  const sizes = ranges.map((range) => range.to - range.from);
  const framesOk = ranges.every(
    (range) => readFrameHeader(bytes, range.from) !== null && (range.to - range.from) % MP3_FRAME_BYTES === 0,
  );
  return { bytes, index, ranges, cutMs, cover, sizes, framesOk };
}

/** Wall time of transcribing the pieces at a concurrency, each request delayed `delayMs` by the server. */
async function timedRun(pieces: { blob: Blob; start: number; end: number }[], concurrency: number, delayMs: number) {
  const server = await startFakeServer({ transcript: 'A long recording goes on.' });
  try {
    const url = new URL(server.baseURL);
    const connection: Connection = {
      provider: 'custom',
      baseURL: server.baseURL,
      origin: url.origin,
      host: url.host,
      model: 'whisper-1',
      apiKey: server.apiKey,
    };
    server.enqueueTranscription(
      ...pieces.map(() => ({ kind: 'transcript' as const, text: 'A long recording goes on.', firstByteDelayMs: delayMs })),
    );
    const client = createClient(connection);
    const job: TranscriptJob = {
      id: 'bench',
      name: 'long.mp3',
      source: 'audio',
      seconds: pieces.at(-1)!.end,
      createdAt: Date.now(),
      updatedAt: Date.now(),
      status: 'ready',
      pieces: pieces.map((piece, index) => ({ index, start: piece.start, end: piece.end, status: 'waiting' })),
    };
    const started = performance.now();
    const segments = await runPieces(job, {
      concurrency,
      signal: new AbortController().signal,
      progress: () => {},
      messageOf: (error) => String(error),
      update: async (change) => change(job),
      transcribe: (index, signal) =>
        transcribePiece(
          client,
          { model: 'whisper-1' },
          { blob: pieces[index]!.blob, fileName: 'audio.mp3' },
          pieces[index]!.end - pieces[index]!.start,
          signal,
        ),
    });
    const wallMs = performance.now() - started;
    if (server.validationErrors.length) throw new Error(server.validationErrors.join('; '));
    return { wallMs, segments: segments.length, lastSegmentStart: segments.at(-1)!.start, requests: server.requests.length };
  } finally {
    await server.close();
  }
}

/** Cuts the file, then times its transcription at concurrency 4 and 1. */
export async function piecesTiming(minutes: number, delayMs: number) {
  const cut = await cutLongMp3(minutes);
  const pieces = cut.ranges.map((range) => ({
    blob: new Blob([cut.bytes.subarray(range.from, range.to)], { type: 'audio/mpeg' }),
    start: range.start,
    end: range.end,
  }));
  const concurrent = await timedRun(pieces, 4, delayMs);
  const sequential = await timedRun(pieces, 1, delayMs);
  return {
    file: { minutes, bytes: cut.bytes.length, seconds: round(cut.index.seconds), frames: cut.index.frames },
    cut: {
      ms: round(cut.cutMs, 1),
      pieces: cut.ranges.length,
      largestPieceBytes: Math.max(...cut.sizes),
      limitBytes: MAX_UPLOAD_BYTES,
      allWithinLimit: cut.sizes.every((size) => size <= MAX_UPLOAD_BYTES),
      piecesStartOnFrames: cut.framesOk,
      maxGapSeconds: round(cut.cover.maxGap, 4),
      maxOverlapSeconds: round(cut.cover.maxOverlap, 4),
    },
    delayMs,
    concurrent: { ...concurrent, wallMs: round(concurrent.wallMs, 0) },
    sequential: { ...sequential, wallMs: round(sequential.wallMs, 0) },
    ratio: round(concurrent.wallMs / sequential.wallMs),
  };
}
