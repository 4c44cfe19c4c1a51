import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FakeServer } from '@/tests/fake-server';
import { toneWav } from '@/tests/fake-server/audio-samples';
import { closeAll, startConfiguredGlance } from './configure';
import { type Glance, tabIdOf } from './harness';
import { startPageServer, type PageServer } from './page-server';

/**
 * A YouTube-like watch page on 127.0.0.1: the player (#movie_player) with a video, the first
 * video's `ytInitialPlayerResponse` inline, and the player's `getPlayerResponse()` describing the
 * video now playing (as after YouTube's in-app navigation): its tracks are the ones offered.
 */
const response = (videoId: string, tracks: unknown[]) => ({
  videoDetails: { videoId, title: `Talk ${videoId}`, lengthSeconds: '60' },
  captions: { playerCaptionsTracklistRenderer: { captionTracks: tracks } },
});
const WATCH = `<!doctype html><title>Watch</title>
<div id="movie_player"><video src="/tone.wav" preload="metadata"></video></div>
<script>
var ytInitialPlayerResponse = ${JSON.stringify(response('first', [{ baseUrl: '/api/timedtext?v=first&lang=en', name: { simpleText: 'Stale' }, languageCode: 'en' }]))};
var current = ${JSON.stringify(
  response('now', [
    { baseUrl: 'ORIGIN/api/timedtext?v=now&lang=en', name: { simpleText: 'English' }, languageCode: 'en', vssId: '.en' },
    {
      baseUrl: '/api/timedtext?v=now&lang=en&kind=asr',
      name: { runs: [{ text: 'English (auto-generated)' }] },
      languageCode: 'en',
      kind: 'asr',
    },
    { baseUrl: 'https://elsewhere.example/api/timedtext?v=now&lang=fr', name: { simpleText: 'French' }, languageCode: 'fr' },
  ]),
).replace('ORIGIN', '" + location.origin + "')};
document.getElementById('movie_player').getPlayerResponse = function () { return current; };
</script>`;
const CAPTIONS =
  'WEBVTT\nKind: captions\nLanguage: en\n\n00:00:02.000 --> 00:00:05.000\nPlants need water.\n\n00:00:41.500 --> 00:00:44.000\nAnd &amp; light.\n';

let server: FakeServer;
let glance: Glance;
let pages: PageServer;

beforeAll(async () => {
  pages = await startPageServer({
    '/tone.wav': { html: '', bytes: toneWav(60, 8000), headers: { 'content-type': 'audio/wav' } },
    '/watch': { html: WATCH },
    '/api/timedtext': { html: CAPTIONS, headers: { 'content-type': 'text/vtt; charset=utf-8' } },
  });
  ({ server, glance } = await startConfiguredGlance());
}, 30_000);
afterAll(() => closeAll(glance, pages, server));

it("offers the YouTube player's caption tracks first and uses one with no API call", async () => {
  const watch = await glance.context.newPage();
  const address = `${pages.url}/watch?v=now`;
  await watch.goto(address);
  const tabId = await tabIdOf(glance, address);
  const before = server.requests.length;

  const page = await glance.openPage(`transcribe.html?tabId=${tabId}`);
  const media = page.getByRole('region', { name: 'On the page' });
  await media.waitFor({ timeout: 10_000 });
  // The current video's tracks (not the stale first response's), the foreign one left out, before the paid choice.
  expect(await media.getByRole('button').allTextContents()).toEqual([
    'Use captions (English, en)',
    'Use captions (English, en) · auto-generated',
    'Transcribe this',
  ]);
  expect(await media.textContent()).toContain('Talk now');

  await media.getByRole('button', { name: 'Use captions (English, en)', exact: true }).click();
  const transcript = page.getByRole('region', { name: 'Transcript' });
  await transcript.waitFor({ timeout: 10_000 });
  expect(await transcript.locator('li').allTextContents()).toEqual(['0:02 Plants need water.', '0:41 And & light.']);
  // Fetched by the page from its own origin, asked for as WebVTT; nothing went to the API.
  expect(pages.requested.filter((path) => path.startsWith('/api/timedtext'))).toEqual(['/api/timedtext?v=now&lang=en&fmt=vtt']);
  expect(server.requests.length).toBe(before);

  // Its timestamps seek the player's video.
  await transcript.getByRole('button', { name: 'Play from 0:41' }).click();
  await expect
    .poll(() => watch.evaluate(() => document.querySelector('video')!.currentTime), { timeout: 5000 })
    .toBeCloseTo(41.5, 1);
  await Promise.all([watch.close(), page.close()]);
}, 30_000);

it('Summarize transcript shows its estimate and, above the threshold, sends nothing until "Summarize anyway"', async () => {
  const options = await glance.openPage('options.html');
  await options.getByRole('textbox', { name: 'Ask before a summary costs more than (USD)' }).fill('0.00001');
  const worker = await glance.worker();
  const threshold = () =>
    worker.evaluate(
      async () =>
        ((await chrome.storage.local.get('settings')).settings as { summaryConfirmAboveUsd?: number })?.summaryConfirmAboveUsd,
    );
  await expect.poll(threshold, { timeout: 5000 }).toBe(0.00001);
  await options.close();

  const watch = await glance.context.newPage();
  const address = `${pages.url}/watch?v=now&summary`;
  await watch.goto(address);
  const tabId = await tabIdOf(glance, address);
  const page = await glance.openPage(`transcribe.html?tabId=${tabId}`);
  await page.getByRole('button', { name: 'Use captions (English, en)', exact: true }).click();
  const transcript = page.getByRole('region', { name: 'Transcript' });
  await transcript.waitFor({ timeout: 10_000 });
  // The estimate shows before anything is pressed.
  await expect
    .poll(() => transcript.getByText(/^Summary: about \d+ tokens in, \d+ out · ≈\$0\.000\d+/).count(), { timeout: 5000 })
    .toBe(1);

  const chats = () => server.requests.filter((request) => request.path === '/v1/chat/completions').length;
  const before = chats();
  await transcript.getByRole('button', { name: 'Summarize transcript' }).click();
  const confirm = transcript.getByRole('group', { name: 'Summarize anyway' });
  await expect.poll(() => confirm.textContent(), { timeout: 5000 }).toMatch(/about \d+ tokens in, \d+ out · ≈\$0\.000\d+/);
  expect(await transcript.getByRole('button', { name: 'Summarize transcript' }).isDisabled()).toBe(true);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await transcript.getByRole('button', { name: 'Summarize transcript' }).click();
  await confirm.waitFor();
  expect(chats()).toBe(before);

  server.enqueue({ kind: 'text', text: 'Plants need water [0:02] and light [0:41].' });
  await confirm.getByRole('button', { name: 'Summarize anyway' }).click();
  const summary = page.getByRole('region', { name: 'Summary of the transcript' });
  await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain('Plants need water [0:02] and light [0:41].');
  expect(chats()).toBe(before + 1);
  expect(await confirm.count()).toBe(0);
  await Promise.all([watch.close(), page.close()]);
}, 30_000);
