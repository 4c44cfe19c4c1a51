/**
 * `npm run bench -- ask`: asking about a page in the side panel.
 *
 * 1. Retrieval recall at the default ask budget (6,000 page tokens): on long pages made from
 *    ../shared/fixtures/pages (articles over the budget, articles concatenated to ~40k tokens, all
 *    the CJK articles in one page), known-answer questions made from a block's own words; recall =
 *    the answer's block is among those sent. CJK pages are counted separately.
 * 2. The whole request for one question on a 150,000-token page (system prompt and question
 *    included), counted with o200k_base.
 * 3. In Chromium with the built extension, on a 1 MB page: a citation's highlight, from the panel's
 *    message to the highlight set and scrolled (the background injects the highlighter), and in the
 *    page from the call to the frame after it is painted; medians of 25 blocks.
 * 4. Side panel open (navigation) to its composer focused, median of 10 opens.
 *
 * Prints tables and writes bench-results/ask.json.
 */
import './extension-env';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { launchGlance } from '@/tests/e2e/harness';
import { startPageServer } from '@/tests/e2e/page-server';
import { passagesOf } from '@/utils/ask/background/page-blocks';
import { splitBlocks } from '@/utils/ask/blocks';
import { getTokenizer, setRanksLoader } from '@/utils/llm/tokens';
import { highlightPassage } from '@/utils/page/cite-highlight';
import type { ExtractResult } from '@/utils/page/extract';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { longPages, recall, requestOnHugePage, type RecallRow } from './ask-retrieval';
import { sharedFixtures } from './fixtures-path';
import { seededRandom } from './seeded-random';

setRanksLoader(
  async (encoding) =>
    (encoding === 'o200k_base'
      ? await import('gpt-tokenizer/bpeRanks/o200k_base')
      : await import('gpt-tokenizer/bpeRanks/cl100k_base')
    ).default,
);

const BUDGET = DEFAULT_SETTINGS.askPageBudget;
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : Number.NaN;
};

function summarize(rows: RecallRow[]) {
  const questions = rows.reduce((sum, row) => sum + row.questions, 0);
  const hits = rows.reduce((sum, row) => sum + row.hits, 0);
  return { pages: rows.length, questions, hits, recall: round(questions ? hits / questions : 1) };
}

/** About 1 MB of HTML: the English reference articles, one after another, in one document. */
function megabytePage(root: string): string {
  const names = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, 'expected.html')))
    .sort();
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 1_000_000; i++) {
    const html = readFileSync(path.join(root, names[i % names.length]!, 'expected.html'), 'utf8');
    parts.push(`<section>${html}</section>`);
    size += html.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>One megabyte</title></head><body><article>${parts.join('\n')}</article></body></html>`;
}

async function browserTimings(root: string) {
  const html = megabytePage(root);
  const pages = await startPageServer({ '/big.html': { html } });
  const glance = await launchGlance();
  try {
    await glance.context.route('**/*', (route) =>
      route.request().url().startsWith(pages.url) || route.request().url().startsWith('chrome-extension://')
        ? route.continue()
        : route.abort(),
    );
    const tab = await glance.context.newPage();
    await tab.goto(`${pages.url}/big.html`, { waitUntil: 'load' });
    const worker = await glance.worker();
    const { tabId, result } = await worker.evaluate(async (url) => {
      const [target] = await chrome.tabs.query({ url });
      const [frame] = await chrome.scripting.executeScript({ target: { tabId: target!.id! }, files: ['/extract-page.js'] });
      return { tabId: target!.id!, result: frame?.result as unknown };
    }, `${pages.url}/big.html`);
    const extracted = result as ExtractResult;
    if (!extracted.ok) throw new Error(`the 1 MB page gave no text: ${extracted.reason}`);
    const blocks = splitBlocks(extracted.page.markdown);
    const random = seededRandom(11);
    const picked = Array.from({ length: 25 }, () => blocks[Math.floor(random() * blocks.length)]!.n);
    const passages = passagesOf(blocks, picked);

    // From the panel: the message a citation click sends, to the highlight set and scrolled.
    const panel = await glance.openPage(`sidepanel.html?tabId=${tabId}`);
    const roundTrips = (await panel.evaluate(`(async () => {
      const out = [];
      for (const passage of ${JSON.stringify(passages)}) {
        const started = performance.now();
        const reply = await chrome.runtime.sendMessage({
          protocol: 'glance/1',
          name: 'askShowCitation',
          data: { tabId: ${tabId}, text: passage.text, nth: passage.nth },
        });
        out.push({ ms: performance.now() - started, found: reply.ok && reply.data?.found === true });
      }
      return out;
    })()`)) as { ms: number; found: boolean }[];
    // In the page: the highlighter's own work, to the frame after the highlight is painted.
    const source = highlightPassage.toString();
    // A background tab gets no animation frames: bring the page to the front first.
    await tab.bringToFront();
    // A string, not a function: tsx would wrap a function's source in helpers the page lacks.
    const inPage = (await tab.evaluate(`(async () => {
      globalThis.__name ??= (f) => f;
      const highlight = (${source});
      const passages = ${JSON.stringify(passages)};
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const out = [];
      for (const passage of passages) {
        await frame();
        const started = performance.now();
        highlight(passage.text, passage.nth, 'glance-citation');
        const work = performance.now() - started;
        await frame();
        await frame();
        out.push([work, performance.now() - started]);
      }
      return out;
    })()`)) as [number, number][];
    await panel.close();

    // Panel open to focused composer; the popup's chat (same composer) opened in turn, as a baseline
    // on the same machine at the same moment.
    const openToFocus = async (path: string) => {
      const page = await glance.context.newPage();
      await page.goto(`chrome-extension://${glance.extensionId}/${path}`, { waitUntil: 'commit' });
      // Extension pages refuse eval (CSP): plain evaluations only, a focus listener set at commit.
      await page.evaluate(`
        window.focusedAt = document.activeElement?.getAttribute('aria-label') === 'Message' ? performance.now() : undefined;
        document.addEventListener('focusin', (event) => {
          if (window.focusedAt === undefined && event.target.getAttribute?.('aria-label') === 'Message') window.focusedAt = performance.now();
        }, true);
      `);
      let focusedAt: number | undefined;
      for (let waited = 0; focusedAt === undefined && waited < 10_000; waited += 20) {
        focusedAt = (await page.evaluate('window.focusedAt')) as number | undefined;
        if (focusedAt === undefined) await page.waitForTimeout(20);
      }
      const parsed = (await page.evaluate(`performance.getEntriesByType('navigation')[0].domInteractive`)) as number;
      await page.close();
      return { focusedAt, parsed };
    };
    const opens: number[] = [];
    /** When the HTML was parsed: what comes after is the panel's scripts, render and focus. */
    const interactive: number[] = [];
    const popupOpens: number[] = [];
    for (let i = 0; i < 10; i++) {
      const panelOpen = await openToFocus(`sidepanel.html?tabId=${tabId}`);
      if (panelOpen.focusedAt !== undefined) opens.push(panelOpen.focusedAt);
      interactive.push(panelOpen.parsed);
      const popupOpen = await openToFocus('popup.html');
      if (popupOpen.focusedAt !== undefined) popupOpens.push(popupOpen.focusedAt);
    }
    return {
      pageBytes: html.length,
      blocks: blocks.length,
      citationRoundTripMs: round(median(roundTrips.map((one) => one.ms)), 1),
      citationFound: roundTrips.filter((one) => one.found).length,
      citations: roundTrips.length,
      highlightWorkMs: round(median(inPage.map(([work]) => work)), 1),
      highlightPaintedMs: round(median(inPage.map(([, painted]) => painted)), 1),
      panelOpenToFocusMs: round(median(opens), 1),
      panelHtmlParsedMs: round(median(interactive), 1),
      popupOpenToFocusMs: round(median(popupOpens), 1),
    };
  } finally {
    await glance.close();
    await pages.close();
  }
}

export async function run(): Promise<void> {
  const root = sharedFixtures('pages');
  const tokenizer = await getTokenizer('gpt-4o-mini');
  const long = await longPages(root, tokenizer, BUDGET);
  const rows = long.map((page, index) => recall(page, tokenizer, BUDGET, 40, 1000 + index)).filter((row) => row.questions > 0);
  console.table(rows.map((row) => ({ ...row, recall: round(row.recall) })));
  const latin = summarize(rows.filter((row) => !row.cjk));
  const cjk = summarize(rows.filter((row) => row.cjk));
  console.log(
    `recall at ${BUDGET} page tokens: non-CJK ${latin.recall} (${latin.hits}/${latin.questions} on ${latin.pages} pages), CJK ${cjk.recall} (${cjk.hits}/${cjk.questions})`,
  );
  const huge = requestOnHugePage(long, tokenizer, BUDGET);
  console.table([huge]);
  const browser = await browserTimings(root);
  console.table([browser]);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/ask.json',
    `${JSON.stringify({ budget: BUDGET, recall: { nonCjk: latin, cjk }, pages: rows, hugePage: huge, browser }, null, 2)}\n`,
  );
  console.log('wrote bench-results/ask.json');
}
