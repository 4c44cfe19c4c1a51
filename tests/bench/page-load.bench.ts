/**
 * What Glance costs every page: the always-on script's size, and for a 100 KB article loaded in
 * Chromium (in rotation: no extension, an extension whose content script is empty, Glance, Glance
 * with the selection button off) the median load-event time and the renderer's JS heap after a
 * forced GC. Targets: Glance within 5 ms and 0.3 MB of the empty reference; with the button off,
 * no content script at all. `LOADS=80 npm run bench -- page-load` for more loads (default 40).
 *
 * Besides the medians of each set-up, the differences are also taken round by round (the four
 * loads of a round run back to back, under the same machine load) and their median reported:
 * on a shared machine that is the steadier figure. Script time (CDP ScriptDuration) is the page's
 * main-thread time compiling and running script, which shows a content script's own cost.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '@/tests/e2e/harness';
import { startPageServer } from '@/tests/e2e/page-server';
import { articlePage, launchSetups, measureLoad, type Load } from './page-load-setup';

const LOADS = Number(process.env.LOADS ?? 40);
const WARMUP = 3;
const NAMES = { none: 'no extension', empty: 'empty content script', glance: 'Glance', off: 'Glance, button off' } as const;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function quartiles(values: number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  return [sorted[Math.floor(sorted.length / 4)]!, sorted[Math.floor((sorted.length * 3) / 4)]!];
}

/** Size of the always-on script (Chrome build), as every page receives it. */
function scriptSize(): { raw: number; gzip: number } {
  const bytes = readFileSync(path.join(EXTENSION_DIR, 'content-scripts/content.js'));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Median over rounds of (a − b) for one measure. */
function pairedMedian(rounds: Map<string, Load>[], a: string, b: string, measure: keyof Load): number {
  return median(rounds.map((round) => round.get(a)![measure] - round.get(b)![measure]));
}

/** Runs the benchmark (called by tests/bench/run.ts). */
export async function run(): Promise<void> {
  const size = scriptSize();
  const html = articlePage();
  const pages = await startPageServer({ '/article.html': { html } });
  const setups = await launchSetups();
  const rounds: Map<string, Load>[] = [];
  try {
    for (let round = 0; round < WARMUP + LOADS; round += 1) {
      const loads = new Map<string, Load>();
      // Rotate who goes first, so no set-up always loads right after another.
      for (let i = 0; i < setups.length; i += 1) {
        const setup = setups[(round + i) % setups.length]!;
        loads.set(setup.name, await measureLoad(setup, `${pages.url}/article.html?round=${round}`));
      }
      if (round >= WARMUP) rounds.push(loads);
    }
  } finally {
    for (const setup of setups) await setup.close();
    await pages.close();
  }

  const rows = setups.map((setup) => {
    const list = rounds.map((round) => round.get(setup.name)!);
    const times = list.map((load) => load.loadMs);
    return {
      setup: setup.name,
      loads: list.length,
      medianLoadMs: median(times),
      loadIqrMs: quartiles(times),
      medianHeapBytes: median(list.map((load) => load.heapBytes)),
      medianScriptMs: median(list.map((load) => load.scriptMs)),
      contentScriptWorlds: Math.max(...list.map((load) => load.worlds)),
    };
  });
  const row = (name: string) => rows.find((r) => r.setup === name)!;
  const compare = (a: string, b: string) => ({
    medianLoadMs: row(a).medianLoadMs - row(b).medianLoadMs,
    pairedLoadMs: pairedMedian(rounds, a, b, 'loadMs'),
    heapBytes: row(a).medianHeapBytes - row(b).medianHeapBytes,
    pairedScriptMs: pairedMedian(rounds, a, b, 'scriptMs'),
  });
  const result = {
    article: { bytes: html.length },
    loadsPerSetup: LOADS,
    alwaysOnScript: size,
    rows,
    glanceMinusEmpty: compare(NAMES.glance, NAMES.empty),
    emptyMinusNone: compare(NAMES.empty, NAMES.none),
    buttonOffMinusNone: compare(NAMES.off, NAMES.none),
    targets: { loadMs: 5, heapBytes: 0.3 * 1024 * 1024 },
  };
  report(result);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/page-load.json', JSON.stringify(result, null, 2));
}

type Result = {
  article: { bytes: number };
  alwaysOnScript: { raw: number; gzip: number };
  rows: {
    setup: string;
    medianLoadMs: number;
    loadIqrMs: [number, number];
    medianHeapBytes: number;
    medianScriptMs: number;
    contentScriptWorlds: number;
  }[];
  glanceMinusEmpty: { medianLoadMs: number; pairedLoadMs: number; heapBytes: number; pairedScriptMs: number };
  emptyMinusNone: { medianLoadMs: number; pairedLoadMs: number; heapBytes: number; pairedScriptMs: number };
  buttonOffMinusNone: { medianLoadMs: number; pairedLoadMs: number; heapBytes: number; pairedScriptMs: number };
  targets: { loadMs: number; heapBytes: number };
};

function report(result: Result): void {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  const signed = (n: number, format: (n: number) => string) => `${n >= 0 ? '+' : '−'}${format(Math.abs(n))}`;
  console.log(`always-on script: ${result.alwaysOnScript.raw} B raw, ${result.alwaysOnScript.gzip} B gzip (budget 4096 B gzip)`);
  console.log(`article: ${result.article.bytes} B, ${LOADS} loads per set-up in rotation\n`);
  console.log(
    [
      'set-up'.padEnd(22),
      'load (median)'.padStart(14),
      'IQR'.padStart(20),
      'heap after GC'.padStart(14),
      'script time'.padStart(12),
      'ext. worlds'.padStart(12),
    ].join(' '),
  );
  for (const row of result.rows) {
    console.log(
      [
        row.setup.padEnd(22),
        ms(row.medianLoadMs).padStart(14),
        `${ms(row.loadIqrMs[0])}–${ms(row.loadIqrMs[1])}`.padStart(20),
        mb(row.medianHeapBytes).padStart(14),
        ms(row.medianScriptMs).padStart(12),
        String(row.contentScriptWorlds).padStart(12),
      ].join(' '),
    );
  }
  const line = (label: string, d: Result['glanceMinusEmpty']) =>
    `${label}: load ${signed(d.medianLoadMs, ms)} (medians), ${signed(d.pairedLoadMs, ms)} (paired by round); heap ${signed(d.heapBytes, mb)}; script time ${signed(d.pairedScriptMs, ms)}`;
  const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');
  const g = result.glanceMinusEmpty;
  console.log(`\n${line('Glance − empty reference', g)}`);
  console.log(
    `  targets: load ≤ +5 ms: ${verdict(g.pairedLoadMs <= 5)} (paired), ${verdict(g.medianLoadMs <= 5)} (medians); heap ≤ +0.30 MB: ${verdict(g.heapBytes <= result.targets.heapBytes)}`,
  );
  console.log(line('empty reference − no extension (a content script’s isolated world)', result.emptyMinusNone));
  console.log(line('Glance button off − no extension (no script registered: the noise floor)', result.buttonOffMinusNone));
}
