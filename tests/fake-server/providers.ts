/**
 * Provider recordings as fake-server scenarios: each file of tests/fixtures/providers/ (real
 * answers of OpenAI-compatible providers, plus a few marked synthetic) with the status and content
 * type it was recorded with, so unit and e2e tests replay the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from './types';

/** tests/fixtures/providers/ */
export const providersDir = fileURLToPath(new URL('../fixtures/providers/', import.meta.url));

/** Status and content type of each recorded error body (the body is the file). */
const ERROR_STATUS: Record<string, { status: number; contentType?: string }> = {
  'deepseek-error-402-insufficient-balance.json': { status: 402 },
  'siliconflow-error-402-insufficient-balance.json': { status: 402 },
  'hyperbolic-error-400-object-error.json': { status: 400 },
  'newapi-error-503-no-channel.json': { status: 503 },
  'newapi-error-403-channel-disabled.synthetic.json': { status: 403 },
  'openrouter-error-429-upstream.json': { status: 429 },
  'zai-error-429-1113.synthetic.json': { status: 429 },
  'dashscope-error-400-arrearage.synthetic.json': { status: 400 },
};

/** Content types the recordings were served with, where they differ from the default. */
const STREAM_TYPE: Record<string, string> = {
  'openrouter-stream-processing-comments.sse': 'text/event-stream',
  'groq-kimi-k2-stream.sse': 'text/event-stream',
  'hf-tgi-stream-data-no-space.sse': 'text/event-stream',
  'together-stream.sse': 'text/event-stream;charset=utf-8',
};

/** The file's bytes, as text. */
export function readProviderFixture(file: string): string {
  return readFileSync(join(providersDir, file), 'utf8');
}

/** The scenario that replays one provider recording as its provider answered it. */
export function providerScenario(file: string, extra: { chunkIntervalMs?: number } = {}): Scenario {
  const path = join(providersDir, file);
  if (file.endsWith('.sse')) {
    return { kind: 'recorded', file: path, contentType: STREAM_TYPE[file], ...extra };
  }
  const error = ERROR_STATUS[file];
  if (error) return { kind: 'error', status: error.status, body: readProviderFixture(file), contentType: error.contentType };
  // A 200 JSON answer where a stream was asked for (Ollama's non-stream body).
  return { kind: 'json', body: JSON.parse(readProviderFixture(file)) as object };
}
