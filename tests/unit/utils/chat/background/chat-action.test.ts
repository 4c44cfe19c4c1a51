import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { actions } from '@/entrypoints/background/features';
import { WRITE_INTERVAL_MS } from '@/utils/chat/background/answers';
import { getConversation, getCurrentId, getStoredMessages } from '@/utils/chat/background/conversations';
import { JobManager } from '@/entrypoints/background/jobs';
import { setApiKey } from '@/utils/llm/background/secret-store';
import type { ChatInput } from '@/utils/chat/types';
import type { StreamEvent } from '@/utils/protocol';
import { getSettings, updateSettings } from '@/utils/settings';
import { errors } from '@/tests/fake-server';
import { useFakeServer } from '@/tests/fake-server/test-helpers';
import { createFakePort, type FakePort } from '@/tests/unit/helpers/ports';

const fixture = useFakeServer();

beforeEach(async () => {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  await updateSettings({
    provider: 'custom',
    baseURL: fixture.server.baseURL,
    model: 'gpt-4o-mini',
    chatSystemPrompt: 'Be brief.',
  });
  await setApiKey('custom', fixture.server.apiKey);
});

const jobs = () => new JobManager({ actions, getSettings, localeOf: () => 'en' });
const events = (port: FakePort) => port.received as StreamEvent[];
const ended = (port: FakePort) => events(port).find((e) => e.type === 'done' || e.type === 'error');
const until = (check: () => boolean | Promise<boolean>, timeout = 5000) =>
  vi.waitFor(async () => expect(await check()).toBe(true), { timeout, interval: 10 });

let counter = 0;
function send(manager: JobManager, text: string, conversationId = 'conv', model = 'gpt-4o-mini') {
  counter += 1;
  const input: ChatInput = { op: 'send', conversationId, messageId: `q${counter}`, answerId: `a${counter}`, text, model };
  return { port: start(manager, input), answerId: input.answerId };
}

function start(manager: JobManager, input: ChatInput): FakePort {
  const port = createFakePort();
  manager.connect(port, 'extension-page');
  port.send({ type: 'start', action: 'chat', input });
  return port;
}

const requestBody = (index: number) =>
  fixture.server.requests.filter((r) => r.path === '/v1/chat/completions')[index]!.body as {
    messages: { role: string; content: string }[];
    model: string;
  };

describe('chat action', () => {
  it('stores the question and the streamed answer, with usage, and makes the conversation current', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'Paris is the capital.' });
    const manager = jobs();
    const { port, answerId } = send(manager, 'What is the capital of France?');
    await until(() => ended(port) !== undefined);
    expect(ended(port)).toEqual({ type: 'done', finishReason: 'stop' });
    const conversation = await getConversation('conv');
    expect(conversation).toMatchObject({ title: 'What is the capital of France?', model: 'gpt-4o-mini', messageCount: 2 });
    expect(conversation!.messages[0]).toMatchObject({ role: 'user', content: 'What is the capital of France?', status: 'done' });
    expect(conversation!.messages[1]).toMatchObject({
      id: answerId,
      role: 'assistant',
      content: 'Paris is the capital.',
      status: 'done',
      model: 'gpt-4o-mini',
    });
    expect(conversation!.messages[1]!.usage).toMatchObject({ estimated: false, completionTokens: expect.any(Number) });
    expect(conversation!.messages[1]).not.toHaveProperty('jobId');
    expect(await getCurrentId()).toBe('conv');
    expect(requestBody(0).messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'What is the capital of France?' },
    ]);
    expect(fixture.server.validationErrors).toEqual([]);
  });

  it('resends history on a follow-up, trimmed to the history budget', async () => {
    const manager = jobs();
    fixture.server.enqueue({ kind: 'text', text: 'First answer.' });
    const first = send(manager, 'First question', 'c2');
    await until(() => ended(first.port) !== undefined);
    fixture.server.enqueue({ kind: 'text', text: 'Second answer.' });
    const second = send(manager, 'Second question', 'c2');
    await until(() => ended(second.port) !== undefined);
    expect(requestBody(1).messages.map((m) => m.content)).toEqual([
      'Be brief.',
      'First question',
      'First answer.',
      'Second question',
    ]);

    await updateSettings({ chatHistoryBudget: 0 });
    const third = send(manager, 'Third question', 'c2');
    await until(() => ended(third.port) !== undefined);
    expect(requestBody(2).messages.map((m) => m.content)).toEqual(['Be brief.', 'Third question']);
    expect((await getConversation('c2'))!.messages).toHaveLength(6);
  });

  it('writes the answer to storage while it streams, not only at the end', async () => {
    const text = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    fixture.server.enqueue({ kind: 'text', text, chunkIntervalMs: 15 });
    const { port, answerId } = send(jobs(), 'Stream slowly.', 'c3');
    await until(async () => {
      const stored = (await getStoredMessages('c3')).find((m) => m.id === answerId);
      return !!stored && stored.status === 'streaming' && stored.content.length > 0;
    }, WRITE_INTERVAL_MS * 8);
    const midway = (await getStoredMessages('c3')).find((m) => m.id === answerId)!;
    expect(ended(port)).toBeUndefined();
    expect(text.startsWith(midway.content)).toBe(true);
    expect(midway.jobId).toBe((events(port)[0] as { jobId: string }).jobId);
    await until(() => ended(port) !== undefined);
    expect((await getStoredMessages('c3')).find((m) => m.id === answerId)).toMatchObject({ content: text, status: 'done' });
  });

  it("keeps a stopped answer's text, marked stopped, with its estimated usage", async () => {
    const text = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    fixture.server.enqueue({ kind: 'text', text, chunkIntervalMs: 10 });
    const { port, answerId } = send(jobs(), 'Talk a lot.', 'c4');
    await until(() => events(port).filter((e) => e.type === 'delta').length >= 5);
    port.send({ type: 'stop' });
    await until(() => ended(port) !== undefined);
    expect(ended(port)).toMatchObject({ type: 'error', error: { code: 'aborted' } });
    const stored = (await getStoredMessages('c4')).find((m) => m.id === answerId)!;
    const streamed = events(port)
      .map((e) => (e.type === 'delta' ? e.text : ''))
      .join('');
    expect(stored).toMatchObject({ status: 'stopped', content: streamed });
    expect(stored.content.length).toBeGreaterThan(0);
    expect(stored.content.length).toBeLessThan(text.length);
    expect(stored.error).toBeUndefined();
    expect(stored.usage).toMatchObject({ estimated: true });
    expect(events(port).some((e) => e.type === 'usage')).toBe(true);
  });

  it('marks an answer cut mid-stream as interrupted; Regenerate redoes it in place', async () => {
    const text = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ');
    fixture.server.enqueue({ kind: 'text', text, dropAfterChunks: 10 });
    const manager = jobs();
    const { port, answerId } = send(manager, 'Over a bad line.', 'c5');
    await until(() => ended(port) !== undefined);
    expect(ended(port)).toMatchObject({ type: 'error', error: { code: 'interrupted', retryable: true } });
    const cut = (await getStoredMessages('c5')).find((m) => m.id === answerId)!;
    expect(cut).toMatchObject({ status: 'interrupted', error: { code: 'interrupted' } });
    expect(text.startsWith(cut.content) && cut.content.length > 0).toBe(true);

    fixture.server.enqueue({ kind: 'text', text });
    const retry = start(manager, { op: 'regenerate', conversationId: 'c5', answerId });
    await until(() => ended(retry) !== undefined);
    expect(ended(retry)).toEqual({ type: 'done', finishReason: 'stop' });
    const messages = await getStoredMessages('c5');
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatchObject({ id: answerId, content: text, status: 'done' });
    expect(messages[1]!.error).toBeUndefined();
    // The retry asked the same question with the same history.
    expect(requestBody(1).messages).toEqual(requestBody(0).messages);
  });

  it('keeps the earlier text when a retry fails before any new text arrives', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'Partial answer that was cut', dropAfterChunks: 3 });
    const manager = jobs();
    const { port, answerId } = send(manager, 'Question', 'c6');
    await until(() => ended(port) !== undefined);
    const partial = (await getStoredMessages('c6'))[1]!.content;
    expect(partial.length).toBeGreaterThan(0);

    fixture.server.enqueue(errors.serverError(), errors.serverError(), errors.serverError());
    const retry = start(manager, { op: 'regenerate', conversationId: 'c6', answerId });
    await until(() => ended(retry) !== undefined, 15_000);
    expect(ended(retry)).toMatchObject({ type: 'error', error: { code: 'server_error' } });
    expect((await getStoredMessages('c6'))[1]).toMatchObject({
      content: partial,
      status: 'error',
      error: { code: 'server_error' },
    });
  }, 20_000);

  it('stores a failure before any text as an error on the answer, question kept', async () => {
    fixture.server.enqueue(errors.invalidKey());
    const { port, answerId } = send(jobs(), 'Hello?', 'c7');
    await until(() => ended(port) !== undefined);
    expect(ended(port)).toMatchObject({ type: 'error', error: { code: 'invalid_key', retryable: false } });
    const messages = await getStoredMessages('c7');
    expect(messages[0]).toMatchObject({ role: 'user', content: 'Hello?' });
    expect(messages[1]).toMatchObject({ id: answerId, status: 'error', content: '', error: { code: 'invalid_key' } });
  });

  it("refuses a message over the model's window before calling the API", async () => {
    const { port } = send(jobs(), 'token '.repeat(20_000), 'c8', 'gpt-3.5-turbo');
    await until(() => ended(port) !== undefined);
    expect(ended(port)).toMatchObject({ type: 'error', error: { code: 'context_too_long' } });
    expect(fixture.server.requests).toHaveLength(0);
    expect((await getStoredMessages('c8'))[1]).toMatchObject({ status: 'error', error: { code: 'context_too_long' } });
  });

  it('answers with the model the page picked, and the conversation keeps it', async () => {
    const manager = jobs();
    const one = send(manager, 'one', 'c9', 'gpt-4o-mini');
    await until(() => ended(one.port) !== undefined);
    const two = send(manager, 'two', 'c9', 'gpt-4.1-mini');
    await until(() => ended(two.port) !== undefined);
    expect(requestBody(1).model).toBe('gpt-4.1-mini');
    expect((await getConversation('c9'))!.model).toBe('gpt-4.1-mini');
  });

  it('refuses malformed input', async () => {
    const manager = jobs();
    const bad = [
      { op: 'send', conversationId: 'c', messageId: 'm', answerId: 'a', text: '   ', model: 'gpt-4o-mini' },
      { op: 'send', conversationId: 'c', messageId: 'same', answerId: 'same', text: 'hi', model: 'gpt-4o-mini' },
      { op: 'send', conversationId: '../etc', messageId: 'm', answerId: 'a', text: 'hi', model: 'gpt-4o-mini' },
      { op: 'send', conversationId: 'c', messageId: 'm', answerId: 'a', text: 'hi', model: '' },
      { op: 'delete', conversationId: 'c', answerId: 'a' },
      { turns: [{ role: 'user', content: 'the old input shape' }] },
    ];
    for (const input of bad) {
      const port = start(manager, input as ChatInput);
      await until(() => ended(port) !== undefined);
      expect(ended(port), JSON.stringify(input)).toMatchObject({ type: 'error', error: { code: 'refused' } });
    }
    expect(fixture.server.requests).toHaveLength(0);
  });

  it('reports a failed final write as storage_failed instead of pretending the answer was saved', async () => {
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      if ((value as { status?: string }).status === 'done' && (value as { role?: string }).role === 'assistant') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.call(this, value, key);
    });
    fixture.server.enqueue({ kind: 'text', text: 'An answer with nowhere to go.' });
    const { port } = send(jobs(), 'Fill the disk.', 'c11');
    await until(() => ended(port) !== undefined);
    expect(ended(port)).toMatchObject({ type: 'error', error: { code: 'storage_failed', retryable: false } });
    expect((ended(port) as { error: { message: string } }).error.message).toMatch(/^Saving failed: QuotaExceededError/);
    // The page still received every word (and its usage) before the failure.
    expect(
      events(port)
        .map((e) => (e.type === 'delta' ? e.text : ''))
        .join(''),
    ).toBe('An answer with nowhere to go.');
    expect(events(port).some((e) => e.type === 'usage')).toBe(true);
  });
});
