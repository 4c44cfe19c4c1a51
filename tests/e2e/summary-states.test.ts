import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { closeAll, configureGlance } from './configure';
import { type Glance, launchGlance, tabIdOf } from './harness';
import { startPageServer, type PageServer } from './page-server';

let server: FakeServer;
let pages: PageServer;
let glance: Glance;

const ARTICLE = `<!doctype html><html lang="en"><head><title>Otters</title></head><body><article><h1>Otters</h1>
<p id="picked">Sea otters crack clams open with stones they keep for weeks.</p>
${Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} about kelp forests and the urchins otters eat along the Pacific coast.</p>`).join('\n')}
</article></body></html>`;

/** Four chapters of about 250 tokens each: four parts at 300 tokens per request. */
const LONG = `<!doctype html><html lang="en"><head><title>Harbour</title></head><body><article><h1>Harbour</h1>${Array.from(
  { length: 4 },
  (_, i) =>
    `<h2>Chapter ${i + 1}</h2><p>${Array.from({ length: 14 }, (_, n) => `Chapter ${i + 1} sentence ${n + 1} tells how the harbour changed in ${1900 + n}.`).join(' ')}</p>`,
).join('')}</article></body></html>`;

beforeAll(async () => {
  server = await startFakeServer();
  pages = await startPageServer({ '/article.html': { html: ARTICLE }, '/long.html': { html: LONG } });
  glance = await launchGlance();
  await (await configureGlance(glance, server)).close();
});
afterAll(() => closeAll(glance, pages, server));
beforeEach(() => server.reset());

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });
const lastPrompt = () => {
  const chats = server.requests.filter((request) => request.path === '/v1/chat/completions');
  const body = chats.at(-1)?.body as { messages: { content: string }[] } | undefined;
  return body?.messages.at(-1)?.content ?? '';
};

/** Opens a page in a tab (optionally selecting #picked) and returns its tab id. */
async function openTab(path: string, select = false): Promise<number> {
  const page = await glance.context.newPage();
  await page.goto(`${pages.url}${path}`);
  if (select)
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('picked')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
  return tabIdOf(glance, `${pages.url}${path}`);
}

it('with a selection, offers "Whole page" / "Selection", and the button says and does what is chosen', async () => {
  const tabId = await openTab('/article.html', true);
  const popup = await glance.openPage(`popup.html?tabId=${tabId}`);
  const choice = popup.getByRole('group', { name: 'Summarize' });
  await choice.waitFor({ timeout: 15_000 });
  expect(await choice.getByRole('radio', { name: 'Selection' }).isChecked()).toBe(true);
  await popup.getByRole('button', { name: 'Summarize selection' }).waitFor();
  expect(await popup.getByRole('button', { name: 'Summarize page' }).count()).toBe(0);

  // The whole page: read again (nothing spent), then summarized whole.
  await choice.getByRole('radio', { name: 'Whole page' }).check();
  await popup.getByRole('button', { name: 'Summarize page' }).waitFor({ timeout: 15_000 });
  await eventually(() => popup.locator('.page-facts').textContent()).toMatch(/^Otters(Article|Whole page)/);
  server.enqueue({ kind: 'text', text: '**TL;DR:** Otters and kelp.' });
  await popup.getByRole('button', { name: 'Summarize page' }).click();
  await eventually(() => popup.getByRole('region', { name: 'Summary' }).textContent()).toContain('Otters and kelp.');
  expect(lastPrompt()).toContain('Paragraph 5 about kelp forests');

  // Back to the selection: only the selected words are sent.
  await choice.getByRole('radio', { name: 'Selection' }).check();
  server.enqueue({ kind: 'text', text: '**TL;DR:** Stones as tools.' });
  await popup.getByRole('button', { name: 'Summarize selection' }).click();
  await eventually(() => popup.getByRole('region', { name: 'Summary' }).textContent()).toContain('Stones as tools.');
  expect(lastPrompt()).toContain('Sea otters crack clams open with stones');
  expect(lastPrompt()).not.toContain('Paragraph 5 about kelp forests');
  await popup.close();
});

it("shows each section's notes as it finishes, and only the summary (no estimate) once done", async () => {
  const options = await glance.openPage('options.html');
  await options.getByRole('textbox', { name: 'Most page tokens per request' }).fill('300');
  await eventually(() =>
    glance
      .worker()
      .then((w) =>
        w.evaluate(
          async () => ((await chrome.storage.local.get('settings')).settings as { summaryMaxInput?: number })?.summaryMaxInput,
        ),
      ),
  ).toBe(300);
  await options.close();

  const tabId = await openTab('/long.html');
  for (let part = 1; part <= 4; part++) server.enqueue({ kind: 'text', text: `- Note on chapter ${part}.` });
  // The combining answer takes a while: the notes are what the reader has meanwhile.
  server.enqueue({ kind: 'text', text: '**TL;DR:** The harbour changed.', firstByteDelayMs: 2_000 });

  const popup = await glance.openPage(`popup.html?tabId=${tabId}`);
  await popup.getByRole('button', { name: 'Summarize page' }).click();
  const notes = popup.getByRole('region', { name: 'Notes on each section' });
  await eventually(() => notes.locator('details').count()).toBe(4);
  expect(await notes.textContent()).toContain('Note on chapter 3.');
  expect(await notes.locator('details[open]').count()).toBe(1);

  await eventually(() => popup.getByRole('region', { name: 'Summary' }).textContent()).toContain('The harbour changed.');
  await popup.getByRole('button', { name: 'Regenerate' }).waitFor();
  expect(await notes.count()).toBe(0);
  expect(await popup.getByText(/^Estimated:/).count()).toBe(0);

  const reset = await glance.openPage('options.html');
  await reset.getByRole('textbox', { name: 'Most page tokens per request' }).fill('0');
  await reset.close();
  await popup.close();
});
