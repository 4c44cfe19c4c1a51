/**
 * Size report: raw and gzip bytes of every built script, for both browsers. With `--check`, fails
 * when the script injected into every page is over its budget (4 KB gzip; 0 is better), or when
 * Chrome's service worker evaluates more than 60 KB gzip to start (`background.js`; what only some
 * features need is in `background-chunks/`, loaded on first use).
 * Writes bench-results/size.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv2'];
/** The always-on content script, which every page the user opens pays for. */
const ALWAYS_ON = 'content-scripts/content.js';
const ALWAYS_ON_BUDGET_GZIP = 4096;
/** What Chrome's service worker reads and evaluates at every start. */
const WORKER_START = 'background.js';
const WORKER_START_BUDGET_GZIP = 60 * 1024;

interface Row {
  build: string;
  file: string;
  raw: number;
  gzip: number;
}

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return scripts(full);
    return name.endsWith('.js') ? [full] : [];
  });
}

const rows: Row[] = [];
for (const build of BUILDS) {
  if (!existsSync(build)) {
    console.error(`missing ${build}: run "npm run build" and "npm run build:firefox" first`);
    process.exit(1);
  }
  for (const file of scripts(build)) {
    const bytes = readFileSync(file);
    rows.push({
      build: path.basename(build),
      file: path.relative(build, file),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
    });
  }
}

rows.sort((a, b) => a.build.localeCompare(b.build) || b.gzip - a.gzip);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(['build'.padEnd(12), 'file'.padEnd(48), 'raw'.padStart(10), 'gzip'.padStart(10)].join(' '));
for (const row of rows) {
  console.log([row.build.padEnd(12), row.file.padEnd(48), kb(row.raw).padStart(10), kb(row.gzip).padStart(10)].join(' '));
}

const alwaysOn = rows.filter((row) => row.file === ALWAYS_ON);
const alwaysOnGzip = Math.max(0, ...alwaysOn.map((row) => row.gzip));
console.log(
  `\nalways-on content script (${ALWAYS_ON}): ${alwaysOn.length ? `${alwaysOnGzip} B gzip` : 'none built (0 B)'}; budget ${ALWAYS_ON_BUDGET_GZIP} B`,
);

const workerStartGzip = rows.find((row) => row.build === 'chrome-mv3' && row.file === WORKER_START)?.gzip ?? 0;
console.log(
  `Chrome's service worker at start (${WORKER_START}): ${kb(workerStartGzip)} gzip; budget ${kb(WORKER_START_BUDGET_GZIP)}`,
);

mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/size.json',
  JSON.stringify(
    { alwaysOnGzip, budget: ALWAYS_ON_BUDGET_GZIP, workerStartGzip, workerStartBudget: WORKER_START_BUDGET_GZIP, rows },
    null,
    2,
  ),
);

if (process.argv.includes('--check')) {
  let failed = false;
  if (alwaysOnGzip > ALWAYS_ON_BUDGET_GZIP) {
    console.error(`FAIL: the always-on content script is ${alwaysOnGzip} B gzip, over ${ALWAYS_ON_BUDGET_GZIP} B`);
    failed = true;
  }
  if (workerStartGzip > WORKER_START_BUDGET_GZIP) {
    console.error(`FAIL: Chrome's ${WORKER_START} is ${workerStartGzip} B gzip, over ${WORKER_START_BUDGET_GZIP} B`);
    failed = true;
  }
  if (failed) process.exit(1);
}
