import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { estimateTranscriptSummary } from '@/utils/transcribe/background/summary-action';
import { saveJob } from '@/utils/transcribe/transcript/jobs';

const settings: Settings = { ...DEFAULT_SETTINGS, model: 'gpt-4o-mini', summaryConfirmAboveUsd: 0.05 };

/** Stores a finished transcript of `lines` lines, one every 10 s. */
async function storeTranscript(id: string, lines: number): Promise<void> {
  const segments = Array.from({ length: lines }, (_, i) => ({
    start: i * 10,
    end: i * 10 + 9,
    text: `Line ${i} says that plants need water, light and a little patience every single day.`,
  }));
  const now = Date.now();
  await saveJob({
    id,
    name: 'talk.mp3',
    source: 'audio',
    seconds: lines * 10,
    createdAt: now,
    updatedAt: now,
    status: 'done',
    pieces: [],
    segments,
  });
}

describe('estimateTranscriptSummary', () => {
  it('estimates a short transcript as one request, priced, below the threshold', async () => {
    await storeTranscript('short', 20);
    const estimate = await estimateTranscriptSummary('short', settings, 'en');
    expect(estimate).toMatchObject({ model: 'gpt-4o-mini', sections: 1, requests: 1, needsConfirm: false });
    // 20 lines of ~20 tokens, plus the instructions and the transcript note.
    expect(estimate.inputTokens).toBeGreaterThan(400);
    expect(estimate.inputTokens).toBeLessThan(1500);
    expect(estimate.costUsd).toBeGreaterThan(0);
    expect(estimate.costUsd).toBeLessThan(0.01);
  });

  it('asks first above the threshold (0: always)', async () => {
    await storeTranscript('short', 20);
    expect((await estimateTranscriptSummary('short', { ...settings, summaryConfirmAboveUsd: 0 }, 'en')).needsConfirm).toBe(true);
    expect((await estimateTranscriptSummary('short', { ...settings, summaryConfirmAboveUsd: 1e-6 }, 'en')).needsConfirm).toBe(
      true,
    );
  });

  it('counts the map-reduce parts of a long transcript: one request a part and the combining one', async () => {
    await storeTranscript('long', 400);
    const estimate = await estimateTranscriptSummary('long', { ...settings, summaryMaxInput: 1000 }, 'en');
    expect(estimate.sections).toBeGreaterThan(5);
    expect(estimate.requests).toBeGreaterThanOrEqual(estimate.sections + 1);
    expect(estimate.inputTokens).toBeGreaterThan(400 * 20);
  });

  it('refuses a job without a transcript', async () => {
    await expect(estimateTranscriptSummary('missing', settings, 'en')).rejects.toMatchObject({ code: 'refused' });
  });
});
