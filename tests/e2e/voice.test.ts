import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errors, startFakeServer, type FakeServer, type RecordedRequest } from '@/tests/fake-server';
import { openChat } from './chat-helpers';
import { closeAll, configureGlance } from './configure';
import { fakeMicrophoneArgs, type Glance, launchGlance, tabIdOf } from './harness';
import { startPageServer, type PageServer } from './page-server';

/** Real speech (espeak-ng), played by Chromium's fake microphone. */
const SPEECH_WAV = path.resolve('tests/fixtures/audio/speech-en.wav');

let server: FakeServer;
let glance: Glance;
let pages: PageServer;

beforeAll(async () => {
  pages = await startPageServer({
    '/article.html': { html: '<!doctype html><title>Plants</title><main><h1>Plants</h1><p>Water them weekly.</p></main>' },
  });
  server = await startFakeServer();
  glance = await launchGlance({ extraArgs: fakeMicrophoneArgs(SPEECH_WAV) });
  await (await configureGlance(glance, server)).close();
});
afterAll(() => closeAll(glance, pages, server));

const isUpload = (request: RecordedRequest) => request.path === '/v1/audio/transcriptions';
const box = (page: Page) => page.getByRole('textbox', { name: 'Message' });

/** Records about `seconds` of the fake microphone through the composer's button. */
async function dictate(page: Page, seconds = 2) {
  await page.getByRole('button', { name: 'Voice input' }).click();
  const timer = page.getByRole('timer', { name: 'Recording time' });
  await expect.poll(() => timer.textContent(), { timeout: 10_000 }).toBe(`0:0${seconds}`);
  await page.getByRole('button', { name: 'Stop recording' }).click();
}

it('dictates into the popup composer: a valid Opus upload with model and language, the text at the cursor, unsent', async () => {
  const popup = await openChat(glance);
  await box(popup).fill('Note:');
  server.enqueueTranscription({ kind: 'transcript', text: 'Remind me to water the plants on Friday.', chunkIntervalMs: 20 });
  await dictate(popup);

  const [upload] = await server.waitForRequests(1, 15_000, isUpload);
  const form = upload!.form!;
  expect(form.fields).toMatchObject({ model: 'gpt-4o-mini-transcribe', language: 'en', stream: true });
  expect(form.file.filename).toBe('speech.webm');
  expect(form.file.container).toBe('webm');
  // About 2 s of Opus at 24 kbit/s: a few KB, far from the 64 KB of 16 kHz PCM.
  expect(form.file.bytes.length).toBeGreaterThan(1_000);
  expect(form.file.bytes.length).toBeLessThan(20_000);
  expect(server.validationErrors).toEqual([]);

  await expect.poll(() => box(popup).inputValue(), { timeout: 10_000 }).toBe('Note: Remind me to water the plants on Friday.');
  // Not sent: no chat request, the button is back for the next dictation.
  expect(server.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(0);
  await popup.getByRole('button', { name: 'Voice input' }).waitFor();
  await popup.close();
});

it('dictates into the Translate box: the text at the cursor, not translated until the user asks', async () => {
  const popup = await glance.openPage('popup.html');
  await popup.getByRole('button', { name: 'Translate', exact: true }).click();
  const input = popup.getByRole('textbox', { name: 'Text to translate' });
  await input.fill('Hello.');
  server.reset();
  server.enqueueTranscription({ kind: 'transcript', text: 'Where is the station?', chunkIntervalMs: 20 });
  await dictate(popup);
  await server.waitForRequests(1, 15_000, isUpload);
  await expect.poll(() => input.inputValue(), { timeout: 10_000 }).toBe('Hello. Where is the station?');
  expect(server.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(0);
  await popup.getByRole('button', { name: 'Voice input' }).waitFor();
  await popup.close();
});

it('Escape discards a recording: nothing is uploaded', async () => {
  server.reset();
  const popup = await openChat(glance);
  await popup.getByRole('button', { name: 'Voice input' }).click();
  await popup.getByRole('timer', { name: 'Recording time' }).waitFor();
  await box(popup).press('Escape');
  await popup.getByRole('button', { name: 'Voice input' }).waitFor();
  await popup.waitForTimeout(500);
  expect(server.requests.filter(isUpload)).toHaveLength(0);
  await popup.close();
});

it('keeps a recording refused with 429 and offers Retry, which then fills the composer', async () => {
  server.reset();
  const popup = await openChat(glance);
  await box(popup).fill('');
  server.enqueueTranscription(errors.rateLimited({ retryAfterSeconds: 30, model: 'gpt-4o-mini-transcribe', limit: 'requests' }));
  await dictate(popup, 1);
  const retry = popup.getByRole('button', { name: 'Retry' });
  await retry.waitFor({ timeout: 15_000 });
  await expect.poll(() => popup.getByText(/could not be transcribed/).textContent()).toMatch(/limiting how fast/);
  expect(await box(popup).inputValue()).toBe('');

  // Kept across a closed popup: the recording is still listed when it opens again.
  await popup.close();
  const again = await openChat(glance);
  server.enqueueTranscription({ kind: 'transcript', text: 'Second try worked.' });
  await again.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => box(again).inputValue(), { timeout: 10_000 }).toBe('Second try worked.');
  await expect.poll(() => again.getByRole('button', { name: 'Retry' }).count()).toBe(0);
  const uploads = server.requests.filter(isUpload);
  expect(uploads).toHaveLength(2);
  // The retry sends the same recording.
  expect(Buffer.compare(uploads[0]!.form!.file.bytes, uploads[1]!.form!.file.bytes)).toBe(0);
  await again.close();
});

it('lists the transcription call in Recent calls with its model', async () => {
  const page = await glance.openPage('options.html#usage');
  const table = page.getByRole('table', { name: 'Recent calls' });
  const row = table.getByRole('row').filter({ hasText: 'gpt-4o-mini-transcribe' }).filter({ hasText: 'Voice' }).first();
  await row.waitFor({ timeout: 10_000 });
  expect(await row.textContent()).toMatch(/\$0\.0\d+/);
  await page.close();
});

it('dictates into the side panel question box too (the same composer)', async () => {
  server.reset();
  const tab = await glance.context.newPage();
  await tab.goto(`${pages.url}/article.html`);
  const tabId = await tabIdOf(glance, `${pages.url}/article.html`);
  const panel = await glance.openPage(`sidepanel.html?tabId=${tabId}`);
  await box(panel).waitFor();
  server.enqueueTranscription({ kind: 'transcript', text: 'How often should I water them?' });
  await dictate(panel, 1);
  await expect.poll(() => box(panel).inputValue(), { timeout: 10_000 }).toBe('How often should I water them?');
  expect(server.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(0);
  await panel.close();
  await tab.close();
});

it('the microphone page asks, says why, and closes itself once allowed', async () => {
  const page = await glance.openPage('microphone.html');
  await page.getByRole('heading', { name: 'Microphone for Glance' }).waitFor();
  expect(await page.getByText(/only to the API endpoint set in Glance's settings/).count()).toBe(1);
  await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/The microphone is allowed/);
  await expect.poll(() => page.isClosed(), { timeout: 10_000 }).toBe(true);
});

it('says plainly when the microphone is refused, and uploads nothing', async () => {
  // No fake permission prompt: headless Chromium refuses the microphone, as a user's "Block" does.
  const refusing = await launchGlance({ extraArgs: ['--use-fake-device-for-media-stream'] });
  try {
    await (await configureGlance(refusing, server)).close();
    server.reset();
    const popup = await openChat(refusing);
    await popup.getByRole('button', { name: 'Voice input' }).click();
    await expect
      .poll(() => popup.getByRole('alert').textContent(), { timeout: 10_000 })
      .toMatch(/Glance may not use the microphone/);
    await popup.getByRole('button', { name: 'Voice input' }).waitFor();
    expect(server.requests.filter(isUpload)).toHaveLength(0);
  } finally {
    await refusing.close();
  }
});
