import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChatTurn } from '@/utils/llm/request';
import { getTokenizer } from '@/utils/llm/tokens';

const RECORDED = path.resolve('tests/fixtures/openai/recorded');

interface IndexEntry {
  file: string;
  request?: { model: string; messages?: ChatTurn[]; tools?: unknown[] };
}

/**
 * Every recording whose request body is known, that has a usage chunk, and whose request is a
 * plain chat (no tools: Glance sends none, and tool schemas are billed by other rules).
 */
function recordedCases() {
  return ['dd-trace-py', 'pydantic-ai'].flatMap((folder) => {
    const index = JSON.parse(readFileSync(path.join(RECORDED, folder, 'index.json'), 'utf8')) as { files: IndexEntry[] };
    return index.files.flatMap((entry) => {
      if (!entry.request?.messages || entry.request.tools || !entry.file.endsWith('.sse')) return [];
      let body: string;
      try {
        body = readFileSync(path.join(RECORDED, folder, entry.file), 'utf8');
      } catch {
        return [];
      }
      const usageLine = body.split('\n').find((line) => /"usage":\{/.test(line));
      if (!usageLine) return [];
      const reported = JSON.parse(usageLine.slice('data: '.length)).usage.prompt_tokens as number;
      return [{ name: `${folder}/${entry.file}`, model: entry.request.model, turns: entry.request.messages, reported }];
    });
  });
}

describe('pre-send prompt estimate against the API-reported prompt tokens', () => {
  const cases = recordedCases();

  it('has the recorded cases with known request bodies', () => {
    expect(cases.map((c) => c.model).sort()).toEqual(['gpt-3.5-turbo', 'gpt-4o', 'gpt-5']);
  });

  it.each(cases)('$name ($model): within 2% of the reported $reported tokens', async ({ model, turns, reported }) => {
    const estimate = (await getTokenizer(model)).countChat(turns);
    expect(Math.abs(estimate - reported) / reported).toBeLessThanOrEqual(0.02);
  });
});
