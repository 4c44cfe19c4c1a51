/**
 * `npm run bench -- long-paragraph`: a huge answer that is one paragraph (no blank line, one
 * line), streamed into the popup's answer renderer (utils/markdown.ts, bundled with Vite) in
 * Debian's headless Chromium, in chunks of 20–200 characters: total time in `append` and the
 * slowest chunk for 0.5, 1, 2 and 5 MB, once as plain sentences and once with inline markup
 * (bold words, inline code, links in some sentences). Linear work shows as a 2 MB / 1 MB ratio near 2 (a
 * renderer that re-renders the whole paragraph gives about 4).
 *
 * A size that has not finished after LONG_PARAGRAPH_CAP_S seconds (default 600) is stopped and
 * reported with how far it got. Prints a table and writes bench-results/long-paragraph.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { chromiumPath } from '@/tests/e2e/harness';

const SIZES = [500_000, 1_000_000, 2_000_000, 5_000_000];
const CAP_MS = Number(process.env.LONG_PARAGRAPH_CAP_S ?? 600) * 1000;
const STEP_MS = 1_000;

interface Api {
  start(size: number, markup: boolean, seed: number): { chars: number; chunks: number };
  step(budgetMs: number): { done: number; totalMs: number; maxMs: number };
  check(): { textKept: boolean; shownChars: number; paragraphs: number };
}

async function bundle(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: 'tests/bench/long-paragraph-entry.ts', formats: ['iife'], name: 'GlanceBench', fileName: 'renderer' },
    },
  })) as { output: { code?: string }[] } | { output: { code?: string }[] }[];
  return (Array.isArray(output) ? output[0]! : output).output[0]!.code!;
}

/** Streams one paragraph of `size` characters; stops at the cap. */
async function streamOne(page: Page, size: number, markup: boolean) {
  const { chars, chunks } = await page.evaluate(
    ([s, m, seed]) => (globalThis as unknown as { longParagraph: Api }).longParagraph.start(s, m, seed),
    [size, markup, 11] as const,
  );
  const started = Date.now();
  let state = { done: 0, totalMs: 0, maxMs: 0 };
  while (state.done < chunks && Date.now() - started < CAP_MS)
    state = await page.evaluate((ms) => (globalThis as unknown as { longParagraph: Api }).longParagraph.step(ms), STEP_MS);
  const finished = state.done === chunks;
  const check = finished
    ? await page.evaluate(() => (globalThis as unknown as { longParagraph: Api }).longParagraph.check())
    : undefined;
  return {
    text: markup ? 'markup' : 'plain',
    chars,
    charsDone: state.done === chunks ? chars : Math.round((chars * state.done) / chunks),
    chunks,
    finished,
    chunksDone: state.done,
    totalMs: Math.round(state.totalMs),
    maxChunkMs: Math.round(state.maxMs * 10) / 10,
    ...check,
  };
}

/** Runs the benchmark (called by tests/bench/run.ts). */
export async function run(): Promise<void> {
  const code = await bundle();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: code });
    // A first small run compiles and optimizes the renderer.
    await streamOne(page, 100_000, true);
    const rows: Awaited<ReturnType<typeof streamOne>>[] = [];
    const ratios: Record<string, number | undefined> = {};
    console.log('\nOne paragraph of prose on one line, streamed in chunks of 20–200 characters (time in append and layout):');
    console.log(['text', 'MB', 'chunks', 'total ms', 'max chunk ms', 'finished'].map((h) => h.padStart(13)).join(''));
    for (const markup of [false, true]) {
      const runs = [];
      for (const size of SIZES) {
        const r = await streamOne(page, size, markup);
        runs.push(r);
        const done = r.finished ? 'yes' : `${(r.charsDone / 1e6).toFixed(2)} MB`;
        console.log(
          [r.text, (r.chars / 1e6).toFixed(1), r.chunks, r.totalMs, r.maxChunkMs, done]
            .map((v) => String(v).padStart(13))
            .join(''),
        );
      }
      const [one, two] = [runs[SIZES.indexOf(1_000_000)]!, runs[SIZES.indexOf(2_000_000)]!];
      ratios[runs[0]!.text] = one.finished && two.finished ? Math.round((two.totalMs / one.totalMs) * 100) / 100 : undefined;
      rows.push(...runs);
    }
    console.log(`  2 MB / 1 MB: plain ${ratios.plain ?? 'n/a'}, markup ${ratios.markup ?? 'n/a'} (linear: 2)`);
    for (const r of rows)
      if (r.finished && (!r.textKept || r.shownChars === 0)) console.log(`  ${r.chars} chars: text not kept or not shown!`);

    mkdirSync('bench-results', { recursive: true });
    writeFileSync(
      'bench-results/long-paragraph.json',
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAverage: os.loadavg() },
          capMs: CAP_MS,
          rows,
          ratio2to1: ratios,
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
  }
}
