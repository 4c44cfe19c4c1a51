import { AppError, asAppError, toWireError } from '@/utils/errors';
import type { ActionContext, ActionDefinition } from '@/utils/background/action';
import { asId, asObject } from '@/utils/background/validate';
import { assertWithinBudget } from '@/utils/llm/background/budget';
import { createClient, resolveConnection, type ClientDeps, type Connection } from '@/utils/llm/background/client';
import { listModels } from '@/utils/llm/background/connection-test';
import { openCall } from '@/utils/llm/background/provisional-call';
import { audioCostOf, priceFor } from '@/utils/llm/pricing';
import type { UsageReport } from '@/utils/llm/usage-report';
import { getRecording, updateRecording } from '@/utils/transcribe/recordings';
import { buildTranscriptionRequest, MAX_UPLOAD_BYTES, pickTranscriptionModel } from '@/utils/transcribe/request';
import type { TranscribeInput } from '@/utils/transcribe/types';
import type { CallRecord } from '@/utils/usage/types';
import { transcribeAudio, transcriptionLine } from './transcription-call';

/** Model lists by base URL, asked once per worker and only while the model setting is empty. */
const endpointModels = new Map<string, string[]>();

/** The endpoint's model list (cached per worker); empty when it has none. */
export async function modelsOf(connection: Connection, deps: ClientDeps): Promise<string[]> {
  const known = endpointModels.get(connection.baseURL);
  if (known) return known;
  try {
    const models = await listModels(createClient(connection, deps), connection);
    endpointModels.set(connection.baseURL, models);
    return models;
  } catch {
    return []; // no list: the default model is tried, and its own error says what is wrong
  }
}

/** Forgets the model lists (a changed endpoint, and tests). */
export function forgetEndpointModels(): void {
  endpointModels.clear();
}

function parse(raw: unknown): TranscribeInput {
  return { recordingId: asId(asObject(raw).recordingId, 'recordingId') };
}

/**
 * Transcribes a stored dictation and streams its text. The audio is read from the extension's
 * IndexedDB, where the page that recorded it left it. The ledger line is written before the
 * upload (billed for the recording's minutes, so budgets count it at once) and settled after.
 * The transcript is saved with the recording, so a popup closed meanwhile finds it when it opens;
 * a failure leaves the recording in place with its message, for Retry.
 */
async function run(input: TranscribeInput, ctx: ActionContext): Promise<string> {
  const recording = await getRecording(input.recordingId);
  if (!recording) throw new AppError('refused', { detail: 'the recording is gone' });
  if (recording.blob.size > MAX_UPLOAD_BYTES) {
    throw new AppError('too_large', { params: { size: `${(recording.blob.size / 1e6).toFixed(1)} MB` } });
  }
  const { settings, locale } = ctx;
  try {
    await assertWithinBudget(settings, locale);
    const connection = await resolveConnection(settings);
    const model = pickTranscriptionModel(
      settings.transcriptionModel,
      settings.transcriptionModel ? [] : await modelsOf(connection, ctx.deps),
    );
    const spec = buildTranscriptionRequest(recording.mimeType, model, settings);
    const seconds = Math.round(recording.durationMs / 100) / 10;
    const price = priceFor(model, settings.priceOverrides);
    const line = (status: CallRecord['status'], audioSeconds: number, costUsd: number | null): CallRecord =>
      transcriptionLine({ model, host: connection.host }, status, audioSeconds, costUsd);
    const { status: _pending, ...provisional } = line('pending', seconds, audioCostOf(seconds, price));
    const call = openCall(provisional);
    let arrived = '';
    try {
      const result = await transcribeAudio(
        createClient(connection, ctx.deps),
        spec,
        recording.blob,
        { host: connection.host, model },
        {
          signal: ctx.signal,
          onDelta(delta) {
            arrived += delta;
            ctx.delta(delta);
          },
        },
      );
      const billed = result.billedSeconds ?? seconds;
      const costUsd = audioCostOf(billed, price);
      await updateRecording(recording.id, { transcript: result.text, error: undefined });
      const saved = await call.settle(line('ok', billed, costUsd));
      ctx.usage(usageReport(model, costUsd, !saved));
      return 'stop';
    } catch (error) {
      const appError = asAppError(error);
      // Audio the provider transcribed in part was billed; a refused or unsent one was not.
      const billed = arrived ? seconds : 0;
      await call.settle(line(appError.code, billed, billed ? audioCostOf(billed, price) : 0));
      throw appError;
    }
  } catch (error) {
    await updateRecording(recording.id, { error: toWireError(error, locale).message }).catch(() => {});
    throw error;
  }
}

function usageReport(model: string, costUsd: number | null, unrecorded: boolean): UsageReport {
  return {
    model,
    promptTokens: 0,
    completionTokens: 0,
    cachedTokens: 0,
    reasoningTokens: 0,
    estimated: false,
    costUsd,
    ...(unrecorded ? { unrecorded } : {}),
  };
}

/** Dictation: from Glance's own pages only; kept running when the popup closes (the text is saved). */
export const transcribeAction: ActionDefinition<'transcribe'> = {
  keepOnDisconnect: true,
  allowedFrom: ['extension-page'],
  parse,
  run,
};
