/**
 * `npm run bench`: runs every `tests/bench/*.bench.ts` (or those named on the command line, e.g.
 * `npm run bench -- chat-render`). Each benchmark prints a table and writes JSON to bench-results/.
 * Benchmarks that read the full corpora use ../shared/fixtures (or GLANCE_FIXTURES) and say so
 * when it is missing.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = path.dirname(new URL(import.meta.url).pathname);
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.startsWith(w)))
  .sort();

if (files.length === 0) {
  console.error(`no benchmarks match ${wanted.join(' ') || '*'} in ${dir}`);
  process.exit(1);
}
for (const file of files) {
  console.log(`\n=== ${file.replace('.bench.ts', '')} ===`);
  const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { run(): Promise<void> };
  await module.run();
}
