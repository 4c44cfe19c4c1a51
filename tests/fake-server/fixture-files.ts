/**
 * Locates the fixture files the fake server serves. They live in the repo (tests/fixtures/openai)
 * so that tests pass in a fresh clone without ../shared.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** tests/fixtures/openai/ */
export const openaiFixturesDir = fileURLToPath(new URL('../fixtures/openai/', import.meta.url));

/** tests/fixtures/openai/recorded/ */
export const recordedDir = join(openaiFixturesDir, 'recorded');

/**
 * Finds a recorded file: an absolute path, a path relative to recorded/
 * ('dd-trace-py/chat-stream-include-usage-true-2025.body.sse'), or a bare file name that is
 * unique among recorded/'s subfolders ('chat-stream-include-usage-true-2025.body.sse').
 */
export function resolveRecordedFile(file: string): string {
  if (isAbsolute(file)) return file;
  const direct = join(recordedDir, file);
  if (existsSync(direct)) return direct;
  const matches = readdirSync(recordedDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(recordedDir, entry.name, file))
    .filter((candidate) => existsSync(candidate));
  if (matches.length === 1) return matches[0];
  const why = matches.length === 0 ? 'not found' : `ambiguous (${matches.join(', ')})`;
  throw new Error(`recorded fixture ${file} ${why} under ${recordedDir}`);
}

/** Reads a recorded file as raw bytes, so replays are byte-for-byte. */
export function readRecordedBytes(file: string): Buffer {
  return readFileSync(resolveRecordedFile(file));
}

/** Reads a recorded file as UTF-8 text. */
export function readRecordedText(file: string): string {
  return readFileSync(resolveRecordedFile(file), 'utf8');
}
