import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { countPromptTokens, countTextTokens, startFakeServer } from '@/tests/fake-server';
import { chatBody, postChat, sseChunks, ssePayloads, streamedText, useFakeServer } from '@/tests/fake-server/test-helpers';

const TEXT = 'The printing press spread across Europe within fifty years, changing how ideas travelled.';
const MESSAGES = [
  { role: 'system' as const, content: 'You summarize pages.' },
  { role: 'user' as const, content: 'Summarize: Gutenberg built a press around 1440.' },
];

const fixture = useFakeServer();

describe('SSE wire format', () => {
  it('streams like the 2025 recordings without include_usage: no usage key at all', async () => {
    fixture.server.enqueue({ kind: 'text', text: TEXT });
    const res = await postChat(fixture.server, chatBody({ stream: true, messages: MESSAGES }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const body = await res.text();
    expect(body).toMatch(/^data: \{/);
    expect(body.endsWith('data: [DONE]\n\n')).toBe(true);
    const chunks = sseChunks(body);
    const first = chunks[0];
    expect(Object.keys(first)).toEqual(['id', 'object', 'created', 'model', 'service_tier', 'system_fingerprint', 'choices']);
    expect(first.id).toMatch(/^chatcmpl-[A-Za-z0-9]{29}$/);
    expect(first.object).toBe('chat.completion.chunk');
    expect(first.model).toBe('gpt-4o-mini');
    expect(first.choices).toEqual([
      { index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null },
    ]);
    for (const chunk of chunks) {
      expect(chunk.id).toBe(first.id);
      expect(chunk.created).toBe(first.created);
      expect('usage' in chunk).toBe(false);
    }
    expect(chunks.at(-1)?.choices).toEqual([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]);
    expect(streamedText(chunks)).toBe(TEXT);
  });

  it('splits text in small token-like pieces, words keeping their leading space', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'Hello wonderful world' });
    const chunks = sseChunks(await (await postChat(fixture.server, chatBody({ stream: true }))).text());
    const contents = chunks.slice(1, -1).map((c) => (c.choices as Array<{ delta: { content: string } }>)[0].delta.content);
    expect(contents).toEqual(['Hell', 'o', ' won', 'derf', 'ul', ' wor', 'ld']);
    fixture.server.enqueue({ kind: 'text', text: 'Hello wonderful world', chunkChars: 20 });
    const wide = sseChunks(await (await postChat(fixture.server, chatBody({ stream: true }))).text());
    expect(wide.slice(1, -1).map((c) => (c.choices as Array<{ delta: { content: string } }>)[0].delta.content)).toEqual([
      'Hello',
      ' wonderful',
      ' world',
    ]);
  });

  it('adds "usage":null everywhere and a final usage chunk with include_usage', async () => {
    fixture.server.enqueue({ kind: 'text', text: TEXT });
    const body = chatBody({ stream: true, stream_options: { include_usage: true }, messages: MESSAGES });
    const payloads = ssePayloads(await (await postChat(fixture.server, body)).text());
    expect(payloads.at(-1)).toBe('[DONE]');
    const chunks = payloads.slice(0, -1).map((p) => JSON.parse(p) as Record<string, unknown>);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.usage).toBeNull();
    const last = chunks.at(-1)!;
    expect(Object.keys(last)).toEqual([
      'id',
      'object',
      'created',
      'model',
      'service_tier',
      'system_fingerprint',
      'choices',
      'usage',
    ]);
    expect(last.choices).toEqual([]);
    const prompt = countPromptTokens(MESSAGES, 'gpt-4o-mini');
    const completion = countTextTokens(TEXT, 'gpt-4o-mini');
    expect(last.usage).toEqual({
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    });
    const tokens = (text: string) => countTextTokens(text, 'gpt-4o-mini');
    expect(prompt).toBe(3 + (3 + 1 + tokens(MESSAGES[0].content)) + (3 + 1 + tokens(MESSAGES[1].content)));
  });

  it('applies usage overrides, finish_reason and omitUsage', async () => {
    fixture.server.enqueue(
      {
        kind: 'text',
        text: 'Cut',
        finishReason: 'length',
        usage: { prompt_tokens_details: { cached_tokens: 1280 }, completion_tokens_details: { reasoning_tokens: 64 } },
      },
      { kind: 'text', text: 'No usage here', omitUsage: true },
    );
    const body = chatBody({ stream: true, stream_options: { include_usage: true } });
    const chunks = sseChunks(await (await postChat(fixture.server, body)).text());
    expect((chunks.at(-2)!.choices as Array<{ finish_reason: string }>)[0].finish_reason).toBe('length');
    const usage = chunks.at(-1)!.usage as OpenAI.CompletionUsage;
    expect(usage.prompt_tokens_details?.cached_tokens).toBe(1280);
    expect(usage.completion_tokens_details?.reasoning_tokens).toBe(64);
    expect(usage.completion_tokens).toBe(1 + 64);
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);

    const silent = sseChunks(await (await postChat(fixture.server, body)).text());
    expect(silent.every((chunk) => !('usage' in chunk))).toBe(true);
    expect(streamedText(silent)).toBe('No usage here');
  });
});

describe('openai SDK', () => {
  it('yields the chunks in order and the usage chunk', async () => {
    fixture.server.enqueue({ kind: 'text', text: TEXT, chunkIntervalMs: 2 });
    const stream = await fixture.client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: MESSAGES,
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 200,
      temperature: 0.2,
    });
    const deltas: string[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) deltas.push(chunk.choices[0].delta.content);
      if (chunk.usage) usage = chunk.usage;
    }
    expect(deltas.join('')).toBe(TEXT);
    expect(deltas.length).toBeGreaterThan(10);
    expect(usage?.completion_tokens).toBe(countTextTokens(TEXT, 'gpt-4o-mini'));
    expect(fixture.server.validationErrors).toEqual([]);
  });

  it('throws from the iteration when the connection drops mid-stream', async () => {
    fixture.server.enqueue({ kind: 'text', text: TEXT, dropAfterChunks: 3 });
    const stream = await fixture.client.chat.completions.create({ model: 'gpt-4o-mini', messages: MESSAGES, stream: true });
    const deltas: string[] = [];
    const iterate = async () => {
      for await (const chunk of stream) deltas.push(chunk.choices[0]?.delta.content ?? '');
    };
    await expect(iterate()).rejects.toThrow();
    expect(deltas.filter(Boolean)).toEqual(['The', ' pri', 'ntin']);
  });
});

describe('timing faults', () => {
  it('firstByteDelayMs delays the response headers', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'late', firstByteDelayMs: 300 });
    const started = performance.now();
    const res = await postChat(fixture.server, chatBody({ stream: true }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect(streamedText(sseChunks(await res.text()))).toBe('late');
  });

  it('firstChunkDelayMs sends headers at once, then silence', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'thinking done', firstChunkDelayMs: 300 });
    const started = performance.now();
    const res = await postChat(fixture.server, chatBody({ stream: true }));
    const headersAfter = performance.now() - started;
    expect(headersAfter).toBeLessThan(250);
    const reader = res.body!.getReader();
    await reader.read();
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    await reader.cancel();
  });

  it('chunkIntervalMs spaces the chunks out', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'one two three four', chunkIntervalMs: 40, chunkChars: 10 });
    const started = performance.now();
    const chunks = sseChunks(await (await postChat(fixture.server, chatBody({ stream: true }))).text());
    // role + 4 words + finish + [DONE] = 7 writes, 6 pauses
    expect(chunks).toHaveLength(6);
    expect(performance.now() - started).toBeGreaterThanOrEqual(6 * 40 - 20);
  });

  it('stallAfterChunks keeps the socket open until close()', async () => {
    const local = await startFakeServer();
    local.enqueue({ kind: 'text', text: TEXT, stallAfterChunks: 2 });
    const res = await postChat(local, chatBody({ stream: true }));
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (ssePayloads(text).length < 3) text += decoder.decode((await reader.read()).value);
    expect(streamedText(sseChunks(text))).toBe('The pri');
    const next = reader.read();
    const raced = await Promise.race([next.then(() => 'data'), new Promise((r) => setTimeout(() => r('silent'), 300))]);
    expect(raced).toBe('silent');
    const closedAt = performance.now();
    await local.close();
    expect(performance.now() - closedAt).toBeLessThan(1000);
    await expect(next).rejects.toThrow();
  });

  it('hang never answers, and close() still returns promptly', async () => {
    const local = await startFakeServer();
    local.enqueue({ kind: 'hang' });
    const pending = postChat(local, chatBody({ stream: true })).then(
      () => 'answered',
      () => 'failed',
    );
    await local.waitForRequests(1, 2000);
    const raced = await Promise.race([pending, new Promise((r) => setTimeout(() => r('waiting'), 200))]);
    expect(raced).toBe('waiting');
    await local.close();
    expect(await pending).toBe('failed');
  });

  it('non-streamed answers honour stall and drop too', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'x', dropAfterChunks: 0 });
    await expect(postChat(fixture.server, chatBody())).rejects.toThrow();
    const local = await startFakeServer();
    local.enqueue({ kind: 'text', text: 'x', stallAfterChunks: 0 });
    const res = await postChat(local, chatBody());
    expect(res.status).toBe(200);
    const body = res.text().then(
      () => 'body',
      () => 'failed',
    );
    await new Promise((r) => setTimeout(r, 150));
    await local.close();
    expect(await body).toBe('failed');
  });
});

describe('output limit', () => {
  it('cuts the answer at max_tokens / max_completion_tokens with finish_reason length, as the API does', async () => {
    fixture.server.enqueue(
      { kind: 'text', text: 'one two three four five six' },
      { kind: 'text', text: 'alpha beta gamma delta' },
    );
    const short = await fixture.client.chat.completions.create({
      ...chatBody(),
      max_tokens: 2,
    } as never as OpenAI.ChatCompletionCreateParamsNonStreaming);
    expect(short.choices[0]!.message.content).toBe('one two');
    expect(short.choices[0]!.finish_reason).toBe('length');
    expect(short.usage?.completion_tokens).toBe(2);
    const stream = await fixture.client.chat.completions.create({
      ...chatBody(),
      stream: true,
      max_completion_tokens: 1,
    } as never as OpenAI.ChatCompletionCreateParamsStreaming);
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe('alpha');
    expect(finish).toBe('length');
  });
});
