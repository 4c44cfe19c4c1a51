import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamChatCompletion } from '@/utils/llm/background/completion-stream';
import { createClient } from '@/utils/llm/background/client';
import { buildChatBody } from '@/utils/llm/request';
import { errorMessage, type AppError } from '@/utils/errors';
import { errors, type Scenario } from '@/tests/fake-server';
import { serverConnection, useFakeServer } from '@/tests/fake-server/test-helpers';

// Defect 13: malformed SSE lines and a long Retry-After.
const fixture = useFakeServer();

async function fail(scenario: Scenario): Promise<AppError> {
  fixture.server.enqueue(scenario);
  const conn = serverConnection(fixture.server);
  const body = buildChatBody({ model: 'gpt-4o-mini', turns: [{ role: 'user', content: 'Hi' }] }, conn.provider);
  return streamChatCompletion(
    createClient(conn),
    body,
    { host: conn.host },
    { signal: new AbortController().signal, onDelta: () => {} },
  ).then(
    () => {
      throw new Error('expected a failure');
    },
    (error: AppError) => error,
  );
}

describe('stream faults', () => {
  it('a stream of only malformed lines says nothing readable arrived', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'glance-malformed-')), 'bad.sse');
    writeFileSync(file, 'data: {"choices": [\n\ndata: not json\n\ndata: [DONE]\n\n');
    const error = await fail({ kind: 'recorded', file });
    expect(error.code).toBe('malformed_stream');
    expect(errorMessage(error, 'en')).toMatch(/could not read: none of its lines were valid/);
  });

  it('a 429 with Retry-After: 120 fails at once, says how long to wait and carries the wait', async () => {
    const started = Date.now();
    const error = await fail(errors.rateLimited({ retryAfterSeconds: 120 }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(120_000);
    expect(errorMessage(error, 'en')).toMatch(/wait 2 min before trying again/);
    expect(fixture.server.requests).toHaveLength(1);
  });
});
