/**
 * `npm run bench -- chat-render`: how the popup keeps up with a streaming answer, in real
 * Chromium against the fake server.
 *
 * - Main-thread time spent rendering a 4,000- and an 8,000-token answer, one token a chunk: the
 *   popup's own renderer (utils/markdown.ts) fed the same chunks in the same Chromium, timed
 *   around each append; the 8,000/4,000 ratio shows whether the cost grows linearly (2.0).
 * - The whole popup while such an answer streams in at 100 chunks/s, in thread CPU time from
 *   Chromium's counters (CDP Performance.getMetrics): script, style, layout, and all tasks,
 *   Chromium's own frame work (paint, compositing) included.
 * - Latency per chunk: from the server writing the chunk to its text being in the popup's DOM
 *   (p50, p99), by matching each DOM change to the state the renderer reaches after that chunk.
 * - How long the popup takes to open: from navigation to the composer focused with the
 *   conversation shown, with a long conversation and with a new chat.
 *
 * Prints a table and writes bench-results/chat-render.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { answerOf } from './chat-answer-text';
import { ask, latencyRun, newChat, OPENS, openTimes, percentile, writes } from './chat-bench-helpers';
import { startFakeServer } from '@/tests/fake-server';
import { configureGlance } from '@/tests/e2e/configure';
import { sseFileOf } from '@/tests/e2e/chat-helpers';
import { launchGlance, type Glance } from '@/tests/e2e/harness';

const CHUNK_INTERVAL_MS = 10; // 100 chunks/s
const SIZES = [4_000, 8_000];
const RENDERER_RUNS = 7;

type Metrics = Record<string, number>;

/** Chromium's counters for the page; durations in thread CPU time, so a busy machine does not inflate them. */
async function metrics(page: Page, glance: Glance): Promise<() => Promise<Metrics>> {
  const cdp = await glance.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return async () => {
    const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return Object.fromEntries(list.map((m) => [m.name, m.value]));
  };
}

const ms = (seconds: number) => Math.round(seconds * 10_000) / 10;

/** The popup's main-thread time while one answer streams in, and the chunk rate the server achieved. */
async function popupRun(glance: Glance, server: Awaited<ReturnType<typeof startFakeServer>>, chunks: string[]) {
  const page = await newChat(glance);
  const read = await metrics(page, glance);
  server.enqueue({ kind: 'recorded', file: sseFileOf(chunks), chunkIntervalMs: CHUNK_INTERVAL_MS });
  writes.length = 0;
  const before = await read();
  const wall = await ask(page, `Write ${chunks.length} tokens.`, chunks.length * CHUNK_INTERVAL_MS * 4 + 30_000);
  const after = await read();
  const span = (writes.at(-1)!.time - writes[0]!.time) / 1000;
  await page.close();
  return {
    chunks: chunks.length,
    chunksPerSecond: Math.round(((writes.length - 1) / span) * 10) / 10,
    wallMs: Math.round(wall),
    scriptMs: ms(after.ScriptDuration! - before.ScriptDuration!),
    styleMs: ms(after.RecalcStyleDuration! - before.RecalcStyleDuration!),
    layoutMs: ms(after.LayoutDuration! - before.LayoutDuration!),
    /** Everything the main thread did, Chromium's own frame work (paint, compositing) included. */
    allTasksMs: ms(after.TaskDuration! - before.TaskDuration!),
  };
}

/**
 * The answer renderer alone, in the same Chromium: the popup's own code (utils/markdown.ts,
 * bundled with Vite) appending the same chunks, timed around each append. Repeated; the median.
 */
async function rendererRuns(glance: Glance, answers: { chunks: string[] }[]) {
  const bundle = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: 'tests/bench/markdown-entry.ts', formats: ['iife'], name: 'GlanceBench', fileName: 'renderer' },
    },
  })) as { output: { code?: string }[] } | { output: { code?: string }[] }[];
  const code = (Array.isArray(bundle) ? bundle[0]! : bundle).output[0]!.code!;
  const page = await glance.context.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: code });
  const results = [];
  const render = (chunks: string[]) =>
    page.evaluate(
      (list) => (globalThis as unknown as { renderChunks(c: string[]): { totalMs: number; maxMs: number } }).renderChunks(list),
      chunks,
    );
  // The first runs compile and optimize the renderer: not what an answer costs once it has run.
  for (const answer of answers) await render(answer.chunks);
  for (const answer of answers) {
    const runs: { totalMs: number; maxMs: number }[] = [];
    for (let i = 0; i < RENDERER_RUNS; i += 1) {
      runs.push(await render(answer.chunks));
    }
    const totals = runs.map((run) => run.totalMs).sort((a, b) => a - b);
    results.push({
      tokens: answer.chunks.length,
      runs: RENDERER_RUNS,
      medianMs: Math.round(percentile(totals, 50) * 10) / 10,
      minMs: Math.round(totals[0]! * 10) / 10,
      maxChunkMs: Math.round(Math.max(...runs.map((run) => run.maxMs)) * 10) / 10,
    });
  }
  await page.close();
  return results;
}

export async function run(): Promise<void> {
  const answers = await Promise.all(SIZES.map((tokens) => answerOf(tokens)));
  const server = await startFakeServer();
  const glance = await launchGlance();
  try {
    await (await configureGlance(glance, server)).close();
    // A first answer warms the worker and the tokenizer, as in real use.
    const warm = await newChat(glance);
    await ask(warm, 'Hello', 20_000);
    await warm.close();

    const renderer = await rendererRuns(glance, answers);
    const popup: ({ tokens: number } & Awaited<ReturnType<typeof popupRun>>)[] = [];
    for (const answer of answers)
      popup.push({ tokens: answer.chunks.length, ...(await popupRun(glance, server, answer.chunks)) });
    const latency = await latencyRun(glance, server, answers[0]!.chunks, CHUNK_INTERVAL_MS);
    // The current conversation now holds a 4,000-token answer: the heavy case for opening.
    const openLong = await openTimes(glance, true);
    const page = await newChat(glance);
    await page.close();
    const openEmpty = await openTimes(glance, false);

    const round2 = (value: number) => Math.round(value * 100) / 100;
    const ratio = {
      renderer: round2(renderer[1]!.medianMs / renderer[0]!.medianMs),
      popupScript: round2(popup[1]!.scriptMs / popup[0]!.scriptMs),
      popupLayout: round2(popup[1]!.layoutMs / popup[0]!.layoutMs),
      popupAllTasks: round2(popup[1]!.allTasksMs / popup[0]!.allTasksMs),
    };
    console.log('\nRendering the answer (IncrementalMarkdown: lex, render, sanitize the last block, or extend it in place),');
    console.log(`one token a chunk, the popup's own code in the same Chromium (${RENDERER_RUNS} runs):`);
    for (const r of renderer)
      console.log(`  ${r.tokens} tokens: median ${r.medianMs} ms (min ${r.minMs}), slowest chunk ${r.maxChunkMs} ms`);
    console.log(`  8,000 / 4,000: ${ratio.renderer} (target ≤ 2.3; target < 150 ms for 4,000)`);
    console.log('\nThe whole popup while the answer streams in (thread CPU time of its main thread, ms):');
    console.log(['tokens', 'chunks/s', 'wall s', 'script', 'style', 'layout', 'all tasks'].map((h) => h.padStart(11)).join(''));
    for (const r of popup) {
      console.log(
        [r.tokens, r.chunksPerSecond, (r.wallMs / 1000).toFixed(1), r.scriptMs, r.styleMs, r.layoutMs, r.allTasksMs]
          .map((v) => String(v).padStart(11))
          .join(''),
      );
    }
    console.log(`  8,000 / 4,000: script ${ratio.popupScript}, layout ${ratio.popupLayout}, all tasks ${ratio.popupAllTasks}`);
    console.log(
      `\nChunk latency, server write → text in the popup DOM (${latency.measured} of ${latency.chunks} chunks, ${latency.domChanges} DOM changes):`,
    );
    console.log(
      `  p50 ${latency.p50Ms} ms · p90 ${latency.p90Ms} ms · p99 ${latency.p99Ms} ms · max ${latency.maxMs} ms (target p50 < 16 ms)`,
    );
    console.log(`\nPopup open → composer focused, conversation shown (${OPENS} runs, popup.html in a tab):`);
    console.log(`  with a 4,000-token answer: median ${openLong.medianMs} ms, max ${openLong.maxMs} ms`);
    console.log(`  new chat: median ${openEmpty.medianMs} ms, max ${openEmpty.maxMs} ms`);

    mkdirSync('bench-results', { recursive: true });
    writeFileSync(
      'bench-results/chat-render.json',
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAverage: os.loadavg() },
          chunkIntervalMs: CHUNK_INTERVAL_MS,
          renderer,
          popup,
          ratio: { ...ratio, target: 2.3 },
          target4000RendererMs: 150,
          latency: { ...latency, targetP50Ms: 16 },
          open: { withLongConversation: openLong, newChat: openEmpty },
        },
        null,
        2,
      ),
    );
  } finally {
    await glance.close();
    await server.close();
  }
}
