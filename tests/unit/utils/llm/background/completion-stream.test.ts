import { describe, expect, it, vi } from 'vitest';
import { streamChatCompletion, type CompletionOptions } from '@/utils/llm/background/completion-stream';
import { createClient, type Connection } from '@/utils/llm/background/client';
import { usageOf } from '@/utils/llm/background/call-usage';
import { buildChatBody } from '@/utils/llm/request';
import { errors } from '@/tests/fake-server';
import { serverConnection, useFakeServer } from '@/tests/fake-server/test-helpers';
import { failure } from '@/tests/unit/helpers/failure';

const fixture = useFakeServer();

function connection(overrides: Partial<Connection> = {}): Connection {
  return serverConnection(fixture.server, overrides);
}

async function run(options: Partial<CompletionOptions> = {}, model = 'gpt-4o-mini', conn = connection()) {
  const deltas: string[] = [];
  const body = buildChatBody(
    { model, turns: [{ role: 'user', content: 'Tell me something.' }], maxOutputTokens: 200 },
    conn.provider,
  );
  const promise = streamChatCompletion(
    createClient(conn),
    body,
    { host: conn.host, model },
    {
      signal: new AbortController().signal,
      onDelta: (text) => deltas.push(text),
      ...options,
    },
  );
  return { promise, deltas, body };
}

describe('streamChatCompletion against the fake server', () => {
  it('streams deltas in order, with the usage chunk, and a body the real API accepts', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'The quick brown fox jumps over the lazy dog.' });
    const { promise, deltas, body } = await run();
    const result = await promise;
    expect(deltas.join('')).toBe('The quick brown fox jumps over the lazy dog.');
    expect(deltas.length).toBeGreaterThan(3);
    expect(result.finishReason).toBe('stop');
    expect(result.usage?.completion_tokens).toBeGreaterThan(5);
    expect(fixture.server.validationErrors).toEqual([]);
    expect(fixture.server.requests[0]!.body).toEqual(body);
    expect(fixture.server.requests[0]!.headers.authorization).toBe(`Bearer ${fixture.server.apiKey}`);
    const usage = await usageOf(body, result);
    expect(usage.estimated).toBe(false);
    expect(usage.promptTokens).toBe(result.usage?.prompt_tokens);
  });

  it('estimates usage with its own counts when the provider sends none', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'No usage from this provider.', omitUsage: true });
    const { promise, body } = await run();
    const result = await promise;
    expect(result.usage).toBeUndefined();
    const usage = await usageOf(body, result);
    expect(usage).toMatchObject({ estimated: true, completionTokens: 6 });
    // The estimate equals what a provider counting like OpenAI reports for the same prompt.
    expect(usage.promptTokens).toBe(await reportedPromptTokens());
  });

  it('replays real recorded streams: 2023 format without usage, and gpt-5 with a moderation chunk', async () => {
    fixture.server.enqueue({ kind: 'recorded', file: 'dd-trace-py/chat-stream-gpt35-2023-no-usage.body.sse' });
    const old = await run();
    const oldResult = await old.promise;
    expect(oldResult.text.length).toBeGreaterThan(10);
    expect(old.deltas.join('')).toBe(oldResult.text);
    expect(oldResult.usage).toBeUndefined();

    fixture.server.enqueue({ kind: 'recorded', file: 'pydantic-ai/chat-stream-gpt5-moderation.body.sse' });
    const gpt5 = await run({}, 'gpt-5-mini');
    const gpt5Result = await gpt5.promise;
    expect(gpt5Result.text.length).toBeGreaterThan(0);
    expect(gpt5Result.usage?.prompt_tokens).toBeGreaterThan(0);
  });

  it('retries a rate limit after its Retry-After, then succeeds', async () => {
    fixture.server.enqueue(errors.rateLimited({ retryAfterSeconds: 1 }), { kind: 'text', text: 'after the wait' });
    const retries: number[] = [];
    const started = Date.now();
    const { promise, deltas } = await run({ onRetry: (_error, delay) => retries.push(delay) });
    await promise;
    expect(deltas.join('')).toBe('after the wait');
    expect(retries).toEqual([1000]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fixture.server.requests).toHaveLength(2);
  });

  it('retries a 5xx, but never a bad key or exhausted credit', async () => {
    fixture.server.enqueue(errors.serverError(), { kind: 'text', text: 'recovered' });
    const recovered = await run({ onRetry: () => {} });
    await recovered.promise;
    expect(recovered.deltas.join('')).toBe('recovered');

    fixture.server.reset();
    fixture.server.enqueue(errors.insufficientQuota(), { kind: 'text', text: 'must not be reached' });
    const quota = await failure((await run()).promise);
    expect(quota.code).toBe('quota_exceeded');
    expect(fixture.server.requests).toHaveLength(1);

    fixture.server.reset();
    const wrongKey = await failure((await run({}, 'gpt-4o-mini', connection({ apiKey: 'sk-wrong-key-000000000000' }))).promise);
    expect(wrongKey.code).toBe('invalid_key');
    expect(fixture.server.requests).toHaveLength(1);
  });

  it('gives up on retries after the configured attempts', async () => {
    fixture.server.setDefault(errors.serverError());
    const error = await failure((await run({ retries: 1, onRetry: () => {} })).promise);
    expect(error.code).toBe('server_error');
    expect(fixture.server.requests).toHaveLength(2);
  });

  it('reports a cut connection after some text as interrupted, keeping the text, and does not retry', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'one two three four five six seven eight', chunkChars: 4, dropAfterChunks: 3 });
    const { promise, deltas } = await run();
    const error = await failure(promise);
    expect(error.code).toBe('interrupted');
    expect(error.retryable).toBe(true);
    expect(deltas.join('').length).toBeGreaterThan(0);
    expect(fixture.server.requests).toHaveLength(1);
  });

  it('times out a stalled stream and an endpoint that never answers', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'a b c d e f', stallAfterChunks: 2 });
    const stalled = await failure((await run({ idleTimeoutMs: 300 })).promise);
    expect(stalled.code).toBe('timeout');

    fixture.server.enqueue({ kind: 'hang' });
    const hung = await failure((await run({ firstChunkTimeoutMs: 300, retries: 0 })).promise);
    expect(hung.code).toBe('timeout');
  });

  it('aborts on the signal without retrying', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'slow answer that will be stopped', chunkIntervalMs: 50 });
    const controller = new AbortController();
    const { promise, deltas } = await run({ signal: controller.signal });
    // Stopped mid-answer: once text has arrived (a fixed delay misses it on a busy machine).
    await vi.waitFor(() => expect(deltas.length).toBeGreaterThan(0), { timeout: 5000 });
    controller.abort();
    const error = await failure(promise);
    expect(error.code).toBe('aborted');
    expect(deltas.length).toBeGreaterThan(0);
  });

  it('recognises a relay that answers with an HTML page or a non-JSON body', async () => {
    fixture.server.enqueue({ kind: 'html', status: 200 });
    expect((await failure((await run()).promise)).code).toBe('html_response');
    fixture.server.enqueue({ kind: 'html', status: 403 });
    expect((await failure((await run()).promise)).code).toBe('html_response');
    fixture.server.enqueue({ kind: 'non-json', status: 200, body: 'OK' });
    expect((await failure((await run()).promise)).code).toBe('bad_response');
  });

  it('accepts a provider that ignores stream:true and answers with plain JSON', async () => {
    fixture.server.enqueue({
      kind: 'json',
      body: {
        id: 'chatcmpl-x',
        object: 'chat.completion',
        created: 1,
        model: 'gpt-4o-mini',
        choices: [{ index: 0, message: { role: 'assistant', content: 'whole answer' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 },
      },
    });
    const { promise, deltas } = await run();
    const result = await promise;
    expect(deltas).toEqual(['whole answer']);
    expect(result.usage?.prompt_tokens).toBe(10);
  });

  it('builds bodies the real API accepts for reasoning models (no temperature, max_completion_tokens)', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'reasoned' });
    const body = buildChatBody(
      { model: 'o3-mini', turns: [{ role: 'user', content: 'hi' }], maxOutputTokens: 1, temperature: 0.2 },
      'custom',
    );
    const conn = connection({ provider: 'custom' });
    await streamChatCompletion(
      createClient(conn),
      body,
      { host: conn.host },
      { signal: new AbortController().signal, onDelta: () => {} },
    );
    expect(fixture.server.validationErrors).toEqual([]);
  });

  it('maps an unknown model and a closed port', async () => {
    const unknown = await failure((await run({}, 'gpt-nonexistent')).promise);
    expect(unknown.code).toBe('model_not_found');
    const closed = connection({ baseURL: 'http://127.0.0.1:9/v1', host: '127.0.0.1:9' });
    const network = await failure((await run({ retries: 0 }, 'gpt-4o-mini', closed)).promise);
    expect(network.code).toBe('network');
  });
});

/** The prompt tokens the fake fixture.server (OpenAI's counting rules) reports for the same request. */
async function reportedPromptTokens(): Promise<number> {
  fixture.server.enqueue({ kind: 'text', text: 'x' });
  const { promise } = await run();
  return (await promise).usage!.prompt_tokens!;
}
