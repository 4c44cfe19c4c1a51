/**
 * Language detection over the whole Tatoeba corpus in ../shared/fixtures/translate (1,000
 * sentences per file): accuracy per language (target ≥ 95%) and speed. The unit test checks a
 * 250-line sample of the same files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { detectLanguage } from '@/utils/language-detect';
import { sharedFixtures } from './fixtures-path';

const FILES: [string, string][] = [
  ['tatoeba.cmn-eng.cmn', 'zh'],
  ['tatoeba.jpn-eng.jpn', 'ja'],
  ['tatoeba.ara-eng.ara', 'ar'],
  ['tatoeba.heb-eng.heb', 'he'],
  ['tatoeba.cmn-eng.eng', 'en'],
  ['tatoeba.jpn-eng.eng', 'en'],
  ['tatoeba.ara-eng.eng', 'en'],
  ['tatoeba.heb-eng.eng', 'en'],
];

/** Runs the benchmark (called by tests/bench/run.ts). */
export async function run(): Promise<void> {
  const dir = sharedFixtures('translate');
  const rows = FILES.map(([file, expected]) => {
    const lines = readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim());
    const started = performance.now();
    const wrong = lines.filter((line) => !detectLanguage(line).code.startsWith(expected));
    const ms = performance.now() - started;
    return {
      file,
      expected,
      sentences: lines.length,
      accuracy: 1 - wrong.length / lines.length,
      microsPerSentence: (ms * 1000) / lines.length,
      wrong: wrong.slice(0, 5),
    };
  });
  console.log(
    ['file'.padEnd(24), 'lang'.padEnd(5), 'sentences'.padStart(9), 'accuracy'.padStart(9), 'µs/sentence'.padStart(12)].join(' '),
  );
  for (const row of rows) {
    console.log(
      [
        row.file.padEnd(24),
        row.expected.padEnd(5),
        String(row.sentences).padStart(9),
        `${(row.accuracy * 100).toFixed(1)}%`.padStart(9),
        row.microsPerSentence.toFixed(1).padStart(12),
      ].join(' '),
    );
  }
  const worst = Math.min(...rows.map((row) => row.accuracy));
  console.log(
    `\nlowest accuracy ${(worst * 100).toFixed(1)}% (target ≥ 95%: ${worst >= 0.95 ? 'meets target' : 'MISSES target'})`,
  );
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/language-detect.json', JSON.stringify({ rows, target: 0.95 }, null, 2));
}
