import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamChatCompletion, type CompletionOptions } from '@/utils/llm/background/completion-stream';
import { createClient } from '@/utils/llm/background/client';
import { buildChatBody } from '@/utils/llm/request';
import type { AppError } from '@/utils/errors';
import type { Scenario } from '@/tests/fake-server';
import { serverConnection, useFakeServer } from '@/tests/fake-server/test-helpers';

// Defect 10: keep-alive chunks must not keep a silent answer alive, and every answer has a deadline.
const fixture = useFakeServer();

function chunk(delta: object, finish: string | null = null): string {
  const body = {
    id: 'c',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}

/** A stream that says "Hi", then only empty chunks and comment lines (a keep-alive loop). */
function keepAliveOnly(count: number): Scenario {
  const dir = mkdtempSync(join(tmpdir(), 'glance-keepalive-'));
  const file = join(dir, 'keepalive.sse');
  const filler = Array.from({ length: count }, (_, i) => (i % 2 ? ': keep-alive\n\n' : chunk({ content: '' }))).join('');
  writeFileSync(file, chunk({ role: 'assistant', content: 'Hi' }) + filler + chunk({}, 'stop'));
  return { kind: 'recorded', file, chunkIntervalMs: 100 };
}

async function run(scenario: Scenario, options: Partial<CompletionOptions>) {
  fixture.server.enqueue(scenario);
  const conn = serverConnection(fixture.server);
  const body = buildChatBody({ model: 'gpt-4o-mini', turns: [{ role: 'user', content: 'Hi' }] }, conn.provider);
  const deltas: string[] = [];
  const started = Date.now();
  const error = await streamChatCompletion(
    createClient(conn),
    body,
    { host: conn.host },
    {
      signal: new AbortController().signal,
      onDelta: (text) => deltas.push(text),
      ...options,
    },
  ).then(
    () => undefined,
    (failure: AppError) => failure,
  );
  return { error, deltas, elapsed: Date.now() - started };
}

describe('stream timers', () => {
  it('times out when only empty chunks and comments arrive, however many', async () => {
    const { error, deltas, elapsed } = await run(keepAliveOnly(30), { idleTimeoutMs: 500 });
    expect(error?.code).toBe('timeout');
    expect(deltas).toEqual(['Hi']);
    expect(elapsed).toBeLessThan(2000);
  });

  it('stops a steadily streaming answer at the overall deadline, keeping what arrived, without retrying', async () => {
    const text = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    const { error, deltas, elapsed } = await run(
      { kind: 'text', text, chunkIntervalMs: 50 },
      { deadlineMs: 600, idleTimeoutMs: 10_000 },
    );
    expect(error?.code).toBe('deadline_exceeded');
    expect(deltas.length).toBeGreaterThan(3);
    expect(elapsed).toBeLessThan(2000);
    expect(fixture.server.requests).toHaveLength(1);
  });
});
