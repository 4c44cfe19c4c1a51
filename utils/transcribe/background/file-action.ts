import type { ActionContext, ActionDefinition } from '@/utils/background/action';
import { asId, asObject, refuse } from '@/utils/background/validate';
import { toWireError } from '@/utils/errors';
import { assertWithinBudget } from '@/utils/llm/background/budget';
import { toApiAppError } from '@/utils/llm/background/api-errors';
import { createClient, resolveConnection } from '@/utils/llm/background/client';
import { openCall } from '@/utils/llm/background/provisional-call';
import { audioCostOf, priceFor } from '@/utils/llm/pricing';
import type { ActionInput } from '@/utils/protocol';
import type { Settings } from '@/utils/settings';
import { languageHint, pickTranscriptionModel } from '@/utils/transcribe/request';
import { deletePieceAudio, getJob, getPieceAudio, updateJob } from '@/utils/transcribe/transcript/jobs';
import { PIECE_CONCURRENCY } from '@/utils/transcribe/media/pieces';
import type { CallRecord } from '@/utils/usage/types';
import { transcribePiece } from './piece-call';
import { runPieces } from './pieces-run';
import { transcriptionLine } from './transcription-call';
import { modelsOf } from './transcribe-action';
import type { Connection, ClientDeps } from '@/utils/llm/background/client';

function parse(raw: unknown): ActionInput<'transcribeFile'> {
  return { jobId: asId(asObject(raw).jobId, 'jobId') };
}

/** The model a file is transcribed with: the setting, or the endpoint's default. */
export async function fileModel(settings: Settings, connection: Connection, deps: ClientDeps): Promise<string> {
  return pickTranscriptionModel(settings.transcriptionModel, settings.transcriptionModel ? [] : await modelsOf(connection, deps));
}

/**
 * Transcribes the pieces of a stored job (cut by the transcribe page), four at a time, each with
 * its own ledger line (written before the upload, billed for the piece's minutes, settled after),
 * and stores the stitched transcript with the job. Only pieces not yet done are sent, so Retry
 * after a failure or a worker restart pays for nothing twice. The page reads progress and the
 * transcript from the job; the port only carries the piece count.
 */
async function run(input: ActionInput<'transcribeFile'>, ctx: ActionContext): Promise<string> {
  const job = await getJob(input.jobId);
  if (job?.source !== 'audio') refuse('no such transcription job');
  const { settings, locale } = ctx;
  const messageOf = (error: unknown) => toWireError(error, locale).message;
  try {
    await assertWithinBudget(settings, locale);
  } catch (error) {
    await updateJob(job.id, (stored) => Object.assign(stored, { status: 'failed', error: messageOf(error) }));
    throw error;
  }
  const connection = await resolveConnection(settings);
  const model = await fileModel(settings, connection, ctx.deps);
  const language = languageHint(settings);
  const price = priceFor(model, settings.priceOverrides);
  const client = createClient(connection, ctx.deps);
  const line = (status: CallRecord['status'], audioSeconds: number): CallRecord =>
    transcriptionLine(
      { model, host: connection.host },
      status,
      audioSeconds,
      audioSeconds ? audioCostOf(audioSeconds, price) : 0,
    );
  await runPieces(job, {
    concurrency: PIECE_CONCURRENCY,
    signal: ctx.signal,
    progress: ctx.progress,
    messageOf,
    update: async (change) => void (await updateJob(job.id, change)),
    async transcribe(index, signal) {
      const piece = job.pieces.find((candidate) => candidate.index === index)!;
      const audio = await getPieceAudio(job.id, index);
      if (!audio) refuse('the piece is gone');
      // Each piece is a call of its own: one past the budget stops the rest (a fatal error).
      await assertWithinBudget(settings, locale);
      const seconds = Math.round((piece.end - piece.start) * 10) / 10;
      const { status: _pending, ...provisional } = line('pending', seconds);
      const call = openCall(provisional);
      try {
        const result = await transcribePiece(client, { model, ...(language ? { language } : {}) }, audio, seconds, signal);
        await call.settle(line('ok', result.billedSeconds ?? seconds));
        return result;
      } catch (error) {
        const appError = toApiAppError(error, { host: connection.host, model });
        await call.settle(line(appError.code, 0));
        throw appError;
      }
    },
  });
  await deletePieceAudio(job.id).catch(() => {});
  return 'stop';
}

/** A file's transcription: from the transcribe page only; it runs on when the page closes. */
export const transcribeFileAction: ActionDefinition<'transcribeFile'> = {
  keepOnDisconnect: true,
  allowedFrom: ['extension-page'],
  parse,
  run,
};
