/**
 * `npm run bench -- popup-open`: how fast the popup opens on a long conversation, in real
 * Chromium against the fake server, and how much script it loads before its first render.
 *
 * - Navigation start → composer focused with the last answer (4,000 tokens of Markdown) shown
 *   (the measure `first-answer` and `chat-render` report too), `OPENS` times; and an extension
 *   file that runs no script opened the same way: the floor this machine sets.
 * - The popup's initial script: the module popup.html loads and the chunks it preloads (what the
 *   page fetches before any of Glance's code runs), and the interface strings it loads before its
 *   first render, raw and gzip; the chunks loaded later with dynamic `import()` are not in it.
 * - With GLANCE_COMPARE=<another build's folder> (e.g. a copy of main's .output/chrome-mv3), the
 *   same for that build, its opens alternating with this build's: on a machine shared with other
 *   work the two then meet the same load.
 * Prints a table and writes bench-results/popup-open.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { answerOf } from './chat-answer-text';
import { ask, OPENS, openOnce, openSummary } from './chat-bench-helpers';
import { sseFileOf } from '@/tests/e2e/chat-helpers';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { configureGlance } from '@/tests/e2e/configure';
import { EXTENSION_DIR, launchGlance, type Glance } from '@/tests/e2e/harness';

/** The script a build's popup loads before its first render: module, preloads, English strings. */
export function initialScripts(dir: string): { files: string[]; raw: number; gzip: number } {
  const html = readFileSync(path.join(dir, 'popup.html'), 'utf8');
  const found = html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g);
  // The module itself can be preloaded too: each file counts once.
  const files = [...new Set([...found].map((match) => match[1]!))];
  // A build that loads the interface strings on demand has them in a chunk of their own.
  const strings = readdirSync(path.join(dir, 'chunks')).find((name) => name.startsWith('messages-en-'));
  if (strings) files.push(`chunks/${strings}`);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

/** Navigation start → first frame of an extension file that runs no script (ms). */
async function emptyOpen(glance: Glance): Promise<number> {
  const page = await glance.context.newPage();
  await page.addInitScript('requestAnimationFrame(() => { window.__ready = performance.now(); })');
  await page.goto(`chrome-extension://${glance.extensionId}/_locales/en/messages.json`);
  await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready, undefined, { timeout: 30_000 });
  const time = await page.evaluate(() => (window as unknown as { __ready: number }).__ready);
  await page.close();
  return time;
}

/** A browser with the build at `dir`, configured, its current chat holding a 4,000-token answer. */
async function prepared(dir: string, server: FakeServer): Promise<Glance> {
  const glance = await launchGlance({ extensionDir: dir });
  await (await configureGlance(glance, server)).close();
  const page = await glance.openPage('popup.html');
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  const long = await answerOf(4_000);
  server.enqueue({ kind: 'recorded', file: sseFileOf(long.chunks), chunkIntervalMs: 0 });
  await ask(page, 'A long answer, please.', 60_000);
  await page.close();
  return glance;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

export async function run(): Promise<void> {
  const compare = process.env.GLANCE_COMPARE;
  if (compare && !existsSync(path.join(compare, 'popup.html'))) throw new Error(`GLANCE_COMPARE: no build at ${compare}`);
  const builds = [{ name: 'this build', dir: EXTENSION_DIR }, ...(compare ? [{ name: compare, dir: compare }] : [])];
  const server = await startFakeServer();
  const started: Glance[] = [];
  try {
    for (const build of builds) started.push(await prepared(build.dir, server));
    const opens = builds.map(() => [] as number[]);
    const empty = builds.map(() => [] as number[]);
    for (let i = 0; i < OPENS; i += 1) {
      for (const [index, glance] of started.entries()) {
        opens[index]!.push(await openOnce(glance, true));
        empty[index]!.push(await emptyOpen(glance));
      }
    }
    const results = builds.map((build, index) => ({
      ...build,
      open: openSummary(opens[index]!),
      empty: openSummary(empty[index]!),
      scripts: initialScripts(build.dir),
    }));
    console.log(`Popup open → composer focused with a 4,000-token answer shown (${OPENS} runs each):`);
    for (const { name, open, empty: floor, scripts } of results) {
      console.log(`  ${name}: median ${open.medianMs} ms (min ${open.minMs}, max ${open.maxMs})`);
      console.log(`    an extension file with no script: median ${floor.medianMs} ms (min ${floor.minMs}, max ${floor.maxMs})`);
      console.log(`    initial script, ${scripts.files.length} files: ${kb(scripts.raw)} raw, ${kb(scripts.gzip)} gzip`);
    }
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(
      'bench-results/popup-open.json',
      JSON.stringify({ machine: { cpus: os.cpus().length, platform: os.platform() }, results }, null, 2),
    );
  } finally {
    for (const glance of started) await glance.close();
    await server.close();
  }
}
