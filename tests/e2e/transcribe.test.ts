import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mp3Stream, toneWav } from '@/tests/fake-server/audio-samples';
import { startFakeServer, type FakeServer, type RecordedRequest } from '@/tests/fake-server';
import { closeAll, configureGlance } from './configure';
import { launchGlance, type Glance } from './harness';
import { startPageServer, type PageServer } from './page-server';

/** Twelve minutes of a tone, 8 kHz 16-bit mono: 11.5 MB, within the upload limit but longer than a piece. */
const TONE = toneWav(12 * 60, 8000);
const CAPTIONS =
  'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nWelcome to the talk.\n\n00:01:05.500 --> 00:01:09.000\n<v Ann>Plants need water.</v>\n';

let server: FakeServer;
let glance: Glance;
let pages: PageServer;

beforeAll(async () => {
  pages = await startPageServer({
    '/tone.wav': { html: '', bytes: TONE, headers: { 'content-type': 'audio/wav' } },
    '/talk.html': {
      html: '<!doctype html><title>Talk</title><h1>Talk</h1><audio src="/tone.wav" preload="auto" controls></audio>',
    },
    '/captions.vtt': { html: CAPTIONS, headers: { 'content-type': 'text/vtt' } },
    '/captioned.html': {
      html: '<!doctype html><title>Film</title><video src="/tone.wav" preload="metadata"><track kind="captions" src="/captions.vtt" srclang="en" label="English"></video>',
    },
  });
  server = await startFakeServer({ transcript: 'The tone goes on.' });
  glance = await launchGlance();
  const options = await configureGlance(glance, server);
  // whisper-1 answers verbose_json: segments with their own times inside each piece.
  const model = options.getByRole('combobox', { name: 'Transcription model' });
  await model.fill('whisper-1');
  await model.press('Tab');
  const worker = await glance.worker();
  const saved = () => worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
  for (let i = 0; i < 50 && !(await saved()).includes('whisper-1'); i++) await new Promise((done) => setTimeout(done, 100));
  await options.close();
}, 30_000);
afterAll(() => closeAll(glance, pages, server));

const isUpload = (request: RecordedRequest) => request.path === '/v1/audio/transcriptions';

/** Opens a test page in a tab; returns it with its tab id. */
async function openTab(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await glance.context.newPage();
  const url = `${pages.url}${path}`;
  await page.goto(url);
  const worker = await glance.worker();
  const tabId = await worker.evaluate(async (address) => (await chrome.tabs.query({ url: address }))[0]!.id!, url);
  return { page, tabId };
}

it('transcribes a 12-minute audio element in pieces; timestamps beyond 10:00 seek it; export gives SRT; the summary cites times', async () => {
  const { page: talk, tabId } = await openTab('/talk.html');
  const popup = await glance.openPage(`popup.html?tabId=${tabId}`);
  const opened = glance.context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Transcribe', exact: true }).click();
  const page = await opened;
  await page.waitForURL(/\/transcribe\.html\?tabId=\d+/);
  expect(new URL(page.url()).searchParams.get('tabId')).toBe(String(tabId));

  await page.getByRole('button', { name: 'Transcribe this' }).click();
  // $0.072 at whisper-1's $0.006 a minute: above the $0.05 threshold, so it asks first.
  await expect.poll(() => page.getByText('12:00 of audio in 4 pieces').count(), { timeout: 10_000 }).toBe(1);
  expect(server.requests.filter(isUpload)).toHaveLength(0);
  await page.getByRole('button', { name: 'Transcribe it' }).click();

  const transcript = page.getByRole('region', { name: 'Transcript' });
  await transcript.waitFor({ timeout: 20_000 });
  const uploads = server.requests.filter(isUpload);
  expect(uploads).toHaveLength(4);
  for (const upload of uploads) {
    expect(upload.form?.file.container).toBe('wav');
    expect(upload.form?.fields).toMatchObject({ model: 'whisper-1', response_format: 'verbose_json' });
    expect(upload.form!.file.bytes.length).toBeLessThan(25e6);
  }
  expect(server.validationErrors).toEqual([]);
  // Pieces of 3:00 with a segment a minute each: stitched to one a minute, 0:00 to 11:00.
  const times = await transcript.getByRole('button', { name: /^Play from / }).allTextContents();
  expect(times).toEqual(['0:00', '1:00', '2:00', '3:00', '4:00', '5:00', '6:00', '7:00', '8:00', '9:00', '10:00', '11:00']);

  await transcript.getByRole('button', { name: 'Play from 10:00' }).click();
  await expect
    .poll(() => talk.evaluate(() => Math.round(document.querySelector('audio')!.currentTime)), { timeout: 5000 })
    .toBe(600);

  await transcript.getByRole('button', { name: 'Export transcript' }).click();
  const downloading = page.waitForEvent('download');
  await transcript.getByRole('button', { name: 'SRT' }).click();
  const srt = readFileSync((await (await downloading).path())!, 'utf8');
  expect(srt).toContain('11\n00:10:00,000 --> 00:11:00,000\nThe tone goes on.\n');
  expect(srt.split('-->')).toHaveLength(13);

  const before = server.requests.length;
  await transcript.getByRole('button', { name: 'Summarize transcript' }).click();
  const summary = page.getByRole('region', { name: 'Summary of the transcript' });
  await expect.poll(() => summary.textContent(), { timeout: 10_000 }).not.toBe('');
  const chat = server.requests.slice(before).find((request) => request.path === '/v1/chat/completions');
  expect(chat?.rawBody).toContain('[11:00] The tone goes on.');

  // A reload finds the transcript again.
  await page.reload();
  await expect.poll(() => page.getByRole('button', { name: 'Play from 11:00' }).count(), { timeout: 5000 }).toBe(1);
  await Promise.all([talk.close(), popup.close(), page.close()]);
}, 60_000);

it('offers a video’s WebVTT captions first and uses them without any API call', async () => {
  const { page: film, tabId } = await openTab('/captioned.html');
  const page = await glance.openPage(`transcribe.html?tabId=${tabId}`);
  const before = server.requests.length;
  await page.getByRole('button', { name: 'Use captions (English)' }).click();
  const transcript = page.getByRole('region', { name: 'Transcript' });
  await transcript.waitFor({ timeout: 10_000 });
  expect(await transcript.locator('li').allTextContents()).toEqual(['0:01 Welcome to the talk.', '1:05 Plants need water.']);
  expect(server.requests.length).toBe(before);
  await transcript.getByRole('button', { name: 'Play from 1:05' }).click();
  await expect
    .poll(() => film.evaluate(() => document.querySelector('video')!.currentTime), { timeout: 5000 })
    .toBeCloseTo(65.5, 1);
  await Promise.all([film.close(), page.close()]);
}, 30_000);

it('cuts a chosen 20-minute MP3 file at frame starts in the page; its timestamps seek the page’s own player; the side panel opens the page too', async () => {
  const file = path.join(tmpdir(), `glance-e2e-${process.pid}.mp3`);
  writeFileSync(file, mp3Stream(20 * 60, { id3: true }));
  const page = await glance.openPage('transcribe.html');
  const before = server.requests.filter(isUpload).length;
  await page.getByLabel('Audio or video file').setInputFiles(file);
  await expect.poll(() => page.getByText('20:00 of audio in 4 pieces').count(), { timeout: 10_000 }).toBe(1);
  await page.getByRole('button', { name: 'Transcribe it' }).click();
  const transcript = page.getByRole('region', { name: 'Transcript' });
  await transcript.waitFor({ timeout: 20_000 });
  const uploads = server.requests.filter(isUpload).slice(before);
  expect(uploads.map((upload) => [upload.form?.file.container, upload.form?.fields.file])).toEqual(
    Array.from({ length: 4 }, () => ['mp3', 'audio.mp3']),
  );
  expect(await transcript.getByRole('button', { name: /^Play from / }).count()).toBe(20);
  await transcript.getByRole('button', { name: 'Play from 15:00' }).click();
  await expect
    .poll(() => page.evaluate(() => Math.round(document.querySelector('audio')!.currentTime)), { timeout: 5000 })
    .toBe(900);
  await page.close();
  rmSync(file, { force: true });

  const { page: talk, tabId } = await openTab('/talk.html');
  const panel = await glance.openPage(`sidepanel.html?tabId=${tabId}`);
  const opened = glance.context.waitForEvent('page');
  await panel.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await (await opened).waitForURL(new RegExp(`/transcribe\\.html\\?tabId=${tabId}$`));
  await Promise.all([talk.close(), panel.close()]);
}, 40_000);
