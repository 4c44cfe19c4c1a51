/**
 * What Glance costs every page: the always-on script's size, and for a 100 KB article loaded in
 * Chromium (in rotation: no extension, an extension whose content script is empty, Glance, Glance
 * with the selection button off) the median load-event time and the renderer's JS heap after a
 * forced GC. Targets: Glance within 5 ms and 0.3 MB of the empty reference; with the button off,
 * no content script at all. `LOADS=80 npm run bench -- page-load` for more loads (default 40).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../e2e/harness';
import { startPageServer } from '../e2e/page-server';
import { articlePage, launchSetups, measureLoad, type Load } from './page-load-setup';

const LOADS = Number(process.env.LOADS ?? 40);
const WARMUP = 3;

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

/** Runs the benchmark (called by tests/bench/run.ts). */
export async function run(): Promise<void> {
  const size = scriptSize();
  const html = articlePage();
  const pages = await startPageServer({ '/article.html': { html } });
  const setups = await launchSetups();
  const loads = new Map<string, Load[]>(setups.map((setup) => [setup.name, []]));
  try {
    for (let round = 0; round < WARMUP + LOADS; round += 1) {
      // Rotate who goes first, so no set-up always loads right after another.
      for (let i = 0; i < setups.length; i += 1) {
        const setup = setups[(round + i) % setups.length]!;
        const load = await measureLoad(setup, `${pages.url}/article.html?round=${round}`);
        if (round >= WARMUP) loads.get(setup.name)!.push(load);
      }
    }
  } finally {
    for (const setup of setups) await setup.close();
    await pages.close();
  }

  const rows = setups.map((setup) => {
    const list = loads.get(setup.name)!;
    const times = list.map((load) => load.loadMs);
    const heaps = list.map((load) => load.heapBytes);
    return {
      setup: setup.name,
      loads: list.length,
      medianLoadMs: median(times),
      loadIqrMs: quartiles(times),
      medianHeapBytes: median(heaps),
      contentScriptWorlds: Math.max(...list.map((load) => load.worlds)),
    };
  });
  const byName = (name: string) => rows.find((row) => row.setup === name)!;
  const glance = byName('Glance');
  const empty = byName('empty content script');
  const none = byName('no extension');
  const off = byName('Glance, button off');
  const result = {
    article: { bytes: html.length },
    alwaysOnScript: size,
    rows,
    glanceMinusEmpty: { loadMs: glance.medianLoadMs - empty.medianLoadMs, heapBytes: glance.medianHeapBytes - empty.medianHeapBytes },
    emptyMinusNone: { loadMs: empty.medianLoadMs - none.medianLoadMs, heapBytes: empty.medianHeapBytes - none.medianHeapBytes },
    buttonOffMinusNone: { loadMs: off.medianLoadMs - none.medianLoadMs, heapBytes: off.medianHeapBytes - none.medianHeapBytes },
    targets: { loadMs: 5, heapBytes: 0.3 * 1024 * 1024 },
  };

  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  const signed = (n: number, format: (n: number) => string) => `${n >= 0 ? '+' : '−'}${format(Math.abs(n))}`;
  console.log(`always-on script: ${size.raw} B raw, ${size.gzip} B gzip (budget 4096 B gzip)`);
  console.log(`article: ${html.length} B, ${LOADS} loads per set-up in rotation\n`);
  console.log(['set-up'.padEnd(22), 'load (median)'.padStart(14), 'IQR'.padStart(18), 'JS heap after GC'.padStart(18), 'ext. worlds'.padStart(12)].join(' '));
  for (const row of rows) {
    console.log(
      [
        row.setup.padEnd(22),
        ms(row.medianLoadMs).padStart(14),
        `${ms(row.loadIqrMs[0])}–${ms(row.loadIqrMs[1])}`.padStart(18),
        mb(row.medianHeapBytes).padStart(18),
        String(row.contentScriptWorlds).padStart(12),
      ].join(' '),
    );
  }
  const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');
  console.log(`\nGlance − empty reference: ${signed(result.glanceMinusEmpty.loadMs, ms)} load (target ≤ 5 ms: ${verdict(result.glanceMinusEmpty.loadMs <= 5)}), ${signed(result.glanceMinusEmpty.heapBytes, mb)} heap (target ≤ 0.30 MB: ${verdict(result.glanceMinusEmpty.heapBytes <= result.targets.heapBytes)})`);
  console.log(`empty reference − no extension (any content script's isolated world): ${signed(result.emptyMinusNone.loadMs, ms)} load, ${signed(result.emptyMinusNone.heapBytes, mb)} heap`);
  console.log(`button off − no extension: ${signed(result.buttonOffMinusNone.loadMs, ms)} load, ${signed(result.buttonOffMinusNone.heapBytes, mb)} heap; content-script worlds with the button off: ${off.contentScriptWorlds}`);

  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/page-load.json', JSON.stringify(result, null, 2));
}
