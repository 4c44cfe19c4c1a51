import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { errors } from '@/tests/fake-server';
import { audioSample } from '@/tests/fake-server/audio-samples';
import { useFakeServer } from '@/tests/fake-server/test-helpers';
import type { ActionContext } from '@/utils/background/action';
import type { AppError } from '@/utils/errors';
import { callsSince, recordCall } from '@/utils/llm/background/ledger';
import { setApiKey } from '@/utils/llm/background/secret-store';
import type { UsageReport } from '@/utils/llm/usage-report';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { forgetEndpointModels, transcribeAction } from '@/utils/transcribe/background/transcribe-action';
import { getRecording, saveRecording } from '@/utils/transcribe/recordings';

const fixture = useFakeServer();
beforeEach(forgetEndpointModels);

async function stored(overrides: { mimeType?: string; bytes?: Uint8Array<ArrayBuffer>; durationMs?: number } = {}) {
  const mimeType = overrides.mimeType ?? 'audio/webm;codecs=opus';
  const bytes = overrides.bytes ?? audioSample(mimeType.includes('ogg') ? 'ogg' : 'webm', 9000);
  const id = crypto.randomUUID();
  await saveRecording({
    id,
    blob: new Blob([bytes], { type: mimeType }),
    mimeType,
    durationMs: overrides.durationMs ?? 30_000,
    createdAt: Date.now(),
    composer: 'popup-chat',
  });
  return id;
}

async function transcribe(recordingId: string, overrides: Partial<Settings> = {}) {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  await setApiKey('custom', fixture.server.apiKey);
  const settings: Settings = { ...DEFAULT_SETTINGS, provider: 'custom', baseURL: fixture.server.baseURL, ...overrides };
  const deltas: string[] = [];
  const usage: UsageReport[] = [];
  const ctx: ActionContext = {
    jobId: 'job',
    signal: new AbortController().signal,
    settings,
    locale: 'en',
    deps: {},
    delta: (text) => deltas.push(text),
    progress: () => {},
    usage: (report) => usage.push(report),
  };
  const finish = await transcribeAction.run(transcribeAction.parse({ recordingId }, settings), ctx);
  return { finish, deltas, usage };
}

const uploads = () => fixture.server.requests.filter((r) => r.path === '/v1/audio/transcriptions');

describe('transcribe action', () => {
  it('uploads the stored recording with the default model and the interface language, and streams the text', async () => {
    fixture.server.enqueueTranscription({ kind: 'transcript', text: 'Remind me to buy oat milk tomorrow.' });
    const id = await stored();
    const result = await transcribe(id, { uiLanguage: 'zh-CN' });
    expect(result.deltas.length).toBeGreaterThan(2);
    expect(result.deltas.join('')).toBe('Remind me to buy oat milk tomorrow.');
    const [upload] = uploads();
    expect(upload.form?.fields).toMatchObject({
      model: 'gpt-4o-mini-transcribe',
      language: 'zh',
      stream: true,
      file: 'speech.webm',
    });
    expect(upload.form?.file.container).toBe('webm');
    expect(fixture.server.validationErrors).toEqual([]);
    expect((await getRecording(id))?.transcript).toBe('Remind me to buy oat milk tomorrow.');
    // 30 s at $0.003 a minute.
    expect(result.usage.at(-1)).toMatchObject({ model: 'gpt-4o-mini-transcribe', costUsd: 0.0015 });
    const [line] = await callsSince(0);
    expect(line).toMatchObject({
      feature: 'transcribe',
      model: 'gpt-4o-mini-transcribe',
      audioSeconds: 30,
      costUsd: 0.0015,
      status: 'ok',
    });
  });

  it('sends ogg as speech.ogg, asks whisper-1 without streaming and without a hint on auto', async () => {
    const id = await stored({ mimeType: 'audio/ogg;codecs=opus', durationMs: 61_000 });
    fixture.server.enqueueTranscription({ kind: 'transcript', text: 'Bonjour.', durationSeconds: 61 });
    const result = await transcribe(id, { transcriptionModel: 'whisper-1', transcriptionLanguage: 'auto' });
    expect(result.deltas).toEqual(['Bonjour.']);
    const fields = uploads()[0].form?.fields;
    expect(fields).toMatchObject({ model: 'whisper-1', file: 'speech.ogg', response_format: 'json' });
    expect(fields).not.toHaveProperty('language');
    expect(fields).not.toHaveProperty('stream');
    // whisper-1 bills whole seconds it reports: 61 s at $0.006 a minute.
    const [line] = await callsSince(0);
    expect(line).toMatchObject({ model: 'whisper-1', audioSeconds: 61 });
    expect(line.costUsd).toBeCloseTo(0.0061, 8);
  });

  it('keeps the recording with the error message when the provider refuses, and records the call unbilled', async () => {
    fixture.server.enqueueTranscription(errors.rateLimited({ retryAfterSeconds: 30, model: 'gpt-4o-mini-transcribe' }));
    const id = await stored();
    const failure = (await transcribe(id).catch((e: unknown) => e)) as AppError;
    expect(failure.code).toBe('rate_limited');
    expect(uploads()).toHaveLength(1); // a 30 s wait is past the 20 s window: no automatic retry
    const recording = await getRecording(id);
    expect(recording?.transcript).toBeUndefined();
    expect(recording?.error).toMatch(/limiting how fast/);
    expect((await callsSince(0))[0]).toMatchObject({ feature: 'transcribe', status: 'rate_limited', costUsd: 0 });
  });

  it('retries a short rate limit by itself, within the 20 s window', async () => {
    fixture.server.enqueueTranscription(errors.rateLimited({ retryAfterSeconds: 0.2 }), {
      kind: 'transcript',
      text: 'Second time lucky.',
    });
    const result = await transcribe(await stored());
    expect(result.deltas.join('')).toBe('Second time lucky.');
    expect(uploads()).toHaveLength(2);
  });

  it('maps a proxy 413 page to too_large and whisper-1 picked from a list without the default', async () => {
    fixture.server.setModelsResponse({
      kind: 'json',
      body: { object: 'list', data: [{ id: 'whisper-1', object: 'model', created: 0, owned_by: 'x' }] },
    });
    fixture.server.enqueueTranscription(errors.payloadTooLarge());
    const failure = (await transcribe(await stored()).catch((e: unknown) => e)) as AppError;
    expect(failure.code).toBe('too_large');
    expect(uploads()[0].form?.fields.model).toBe('whisper-1');
  });

  it('is held by the budget like any other call', async () => {
    await recordCall({
      time: Date.now(),
      feature: 'chat',
      model: 'gpt-4o',
      host: 'x',
      promptTokens: 0,
      cachedTokens: 0,
      completionTokens: 0,
      reasoningTokens: 0,
      estimated: false,
      costUsd: 5,
      status: 'ok',
    });
    const failure = (await transcribe(await stored(), { dailyBudgetUsd: 1 }).catch((e: unknown) => e)) as AppError;
    expect(failure.code).toBe('budget_exceeded');
    expect(uploads()).toHaveLength(0);
  });

  it('refuses a recording id that is not stored', async () => {
    const failure = (await transcribe('missing-id').catch((e: unknown) => e)) as AppError;
    expect(failure.code).toBe('refused');
  });
});
