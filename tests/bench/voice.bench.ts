/**
 * `npm run bench -- voice`: dictation in real Chromium against the fake server, with Chromium's
 * fake microphone playing real speech (tests/fixtures/audio/speech-en.wav, looped).
 *
 * - Bytes uploaded per minute of speech: one 30-second dictation through the popup's composer,
 *   the upload's size as the server received it (multipart file part only) over the recording's
 *   length. Goal: at most 240 KB (1 KB = 1,000 bytes) a minute.
 * - Stop-to-first-text overhead: from the click on "Stop recording" to the first transcript text
 *   in the composer, for short dictations against a server that answers with no delay of its own
 *   (no first-byte delay, no pause between events), so the figure is an upper bound of what Glance
 *   adds (it includes the fake server's ~1 ms of parsing the upload): everything Glance adds: ending the recorder, the IndexedDB write, the port to the background,
 *   the background's read, the multipart upload, the stream parse and the composer update.
 *   Goal: median at most 100 ms.
 *
 * Prints a table and writes bench-results/voice.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { openChat } from '@/tests/e2e/chat-helpers';
import { configureGlance } from '@/tests/e2e/configure';
import { fakeMicrophoneArgs, launchGlance } from '@/tests/e2e/harness';

const SPEECH_WAV = path.resolve('tests/fixtures/audio/speech-en.wav');
const LONG_SECONDS = 30;
const LATENCY_RUNS = 9;

const box = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const uploads = (server: FakeServer) => server.requests.filter((r) => r.path === '/v1/audio/transcriptions');

/**
 * Marks, in the page, the Stop click and the first change of the composer's text (checked every
 * frame). Passed as text: tsx would wrap named functions in a helper the page does not have.
 */
const INSTRUMENT = `(() => {
  document.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (button && button.getAttribute('aria-label') === 'Stop recording') {
      window.stopAt = performance.now();
      window.firstTextAt = undefined;
    }
  }, true);
  const field = document.querySelector('textarea');
  let last = field.value;
  const watch = () => {
    if (field.value !== last && window.stopAt !== undefined && window.firstTextAt === undefined) window.firstTextAt = performance.now();
    last = field.value;
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})()`;

async function instrument(page: Page): Promise<void> {
  await page.evaluate(INSTRUMENT);
}

/** One dictation of about `seconds`; returns the page's Stop → first text time in ms. */
async function dictate(page: Page, seconds: number): Promise<number> {
  await page.getByRole('button', { name: 'Voice input' }).click();
  const timer = page.getByRole('timer', { name: 'Recording time' });
  const shown = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  await timer.waitFor();
  await page.waitForFunction((text) => document.querySelector('[role=timer]')?.textContent === text, shown, {
    timeout: (seconds + 20) * 1000,
    polling: 50,
  });
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await page.waitForFunction(() => (window as unknown as { firstTextAt?: number }).firstTextAt !== undefined, null, {
    timeout: 20_000,
  });
  const { stopAt, firstTextAt } = await page.evaluate(() => {
    const m = window as unknown as { stopAt: number; firstTextAt: number };
    return { stopAt: m.stopAt, firstTextAt: m.firstTextAt };
  });
  await page.getByRole('button', { name: 'Voice input' }).waitFor();
  return firstTextAt - stopAt;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function run(): Promise<void> {
  const server = await startFakeServer();
  const glance = await launchGlance({ extraArgs: fakeMicrophoneArgs(SPEECH_WAV) });
  try {
    await (await configureGlance(glance, server)).close();
    const page = await openChat(glance);
    await instrument(page);

    // Bytes per minute: one long dictation, over the length the timer showed at Stop (±100 ms).
    await dictate(page, LONG_SECONDS);
    const bytes = uploads(server).at(-1)!.form!.file.bytes.length;
    const recordedSeconds = LONG_SECONDS;
    const bytesPerMinute = (bytes / recordedSeconds) * 60;

    // Stop-to-first-text: short dictations.
    const overheads: number[] = [];
    for (let i = 0; i < LATENCY_RUNS; i++) {
      await box(page).fill('');
      overheads.push(await dictate(page, 1));
    }
    if (server.validationErrors.length) throw new Error(`invalid uploads: ${server.validationErrors.join('; ')}`);

    const result = {
      when: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`,
      upload: { seconds: recordedSeconds, bytes, kbPerMinute: Math.round(bytesPerMinute / 100) / 10, goalKbPerMinute: 240 },
      stopToFirstText: {
        runs: LATENCY_RUNS,
        medianMs: Math.round(median(overheads) * 10) / 10,
        minMs: Math.round(Math.min(...overheads) * 10) / 10,
        maxMs: Math.round(Math.max(...overheads) * 10) / 10,
        goalMedianMs: 100,
        all: overheads.map((ms) => Math.round(ms * 10) / 10),
      },
    };
    console.table({
      'upload (KB per minute of speech)': { value: result.upload.kbPerMinute, goal: '≤ 240' },
      'stop → first text, median (ms)': { value: result.stopToFirstText.medianMs, goal: '≤ 100' },
      'stop → first text, min–max (ms)': { value: `${result.stopToFirstText.minMs}–${result.stopToFirstText.maxMs}`, goal: '' },
    });
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/voice.json', `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await glance.close();
    await server.close();
  }
}
