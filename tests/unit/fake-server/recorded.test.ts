import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { readRecordedBytes, resolveRecordedFile } from '@/tests/fake-server';
import { splitSseEvents } from '@/tests/fake-server/scenario-runner';
import { chatBody, postChat, sseChunks, streamedText, useFakeServer } from '@/tests/fake-server/test-helpers';

const RECORDINGS = [
  'dd-trace-py/chat-stream-include-usage-true-2025.body.sse',
  'dd-trace-py/chat-stream-include-usage-false-2025.body.sse',
  'dd-trace-py/chat-stream-gpt35-2023-no-usage.body.sse',
  'dd-trace-py/chat-stream-include-usage-cached-tokens-finish-length-2025.body.sse',
  'openai-node/chat-stream-basic-include-usage.sse',
  'pydantic-ai/chat-stream-gpt5-moderation.body.sse',
];

const fixture = useFakeServer();

describe('recorded scenario', () => {
  it.each(RECORDINGS)('replays %s byte for byte', async (file) => {
    fixture.server.enqueue({ kind: 'recorded', file });
    const res = await postChat(fixture.server, chatBody({ stream: true }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(readRecordedBytes(file))).toBe(true);
  });

  it('replays byte for byte when paced event by event', async () => {
    const file = 'dd-trace-py/chat-stream-include-usage-true-2025.body.sse';
    fixture.server.enqueue({ kind: 'recorded', file, chunkIntervalMs: 5 });
    const bytes = Buffer.from(await (await postChat(fixture.server, chatBody({ stream: true }))).arrayBuffer());
    expect(bytes.equals(readRecordedBytes(file))).toBe(true);
  });

  it('finds a file by its bare name', () => {
    expect(resolveRecordedFile('chat-stream-gpt5-moderation.body.sse')).toMatch(
      /pydantic-ai\/chat-stream-gpt5-moderation\.body\.sse$/,
    );
    expect(() => resolveRecordedFile('no-such-file.sse')).toThrow(/not found/);
  });

  it('splits a recording into events without losing a byte', () => {
    const bytes = readRecordedBytes('openai-node/chat-stream-basic-include-usage.sse');
    const events = splitSseEvents(bytes);
    expect(Buffer.concat(events).equals(bytes)).toBe(true);
    expect(events.at(-1)?.toString()).toBe('data: [DONE]\n\n');
    expect(events.every((e) => e.toString().startsWith('data: '))).toBe(true);
  });

  it('feeds the SDK: text and the usage chunk of the include_usage recording', async () => {
    fixture.server.enqueue({ kind: 'recorded', file: 'dd-trace-py/chat-stream-include-usage-true-2025.body.sse' });
    const stream = await fixture.client.chat.completions.create({
      model: 'gpt-3.5-turbo',
      messages: [{ role: 'user', content: 'Hey, what is up?' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Not much, just here to chat and assist you with anything you need. How are you?');
    expect(usage).toMatchObject({ prompt_tokens: 13, completion_tokens: 20, total_tokens: 33 });
  });

  it('feeds the SDK the gpt-5 stream with its moderation chunk', async () => {
    fixture.server.enqueue({ kind: 'recorded', file: 'pydantic-ai/chat-stream-gpt5-moderation.body.sse' });
    const stream = await fixture.client.chat.completions.create({
      model: 'gpt-5',
      messages: [{ role: 'user', content: 'What is the capital of France?' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Paris.');
  });

  it('dropAfterChunks cuts the replay after N events', async () => {
    const file = 'dd-trace-py/chat-stream-include-usage-false-2025.body.sse';
    fixture.server.enqueue({ kind: 'recorded', file, dropAfterChunks: 4 });
    const res = await postChat(fixture.server, chatBody({ stream: true }));
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readAll = async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value);
      }
    };
    await expect(readAll()).rejects.toThrow();
    const chunks = sseChunks(text);
    expect(chunks).toHaveLength(4);
    expect(streamedText(chunks)).toBe('Hello! Not');
    expect(text).not.toContain('[DONE]');
  });
});
