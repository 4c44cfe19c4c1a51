import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { appendMessages, getStoredMessages, type StoredMessage } from '@/utils/chat/background/conversations';
import { dispatch, type DispatchDeps } from '@/entrypoints/background/dispatch';
import { actions, handlers } from '@/entrypoints/background/features';
import { JobManager } from '@/entrypoints/background/jobs';
import { setApiKey } from '@/utils/llm/background/secret-store';
import type { ChatEstimate, Conversation } from '@/utils/chat/types';
import { PROTOCOL_TAG, type MessageName, type Reply, type RequestOf, type StreamEvent } from '@/utils/protocol';
import { getSettings, updateSettings } from '@/utils/settings';
import { useFakeServer } from '@/tests/fake-server/test-helpers';
import { createFakePort } from '@/tests/unit/helpers/ports';

const fixture = useFakeServer();
const EXTENSION_ID = 'glance-test-id';
const ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const deps: DispatchDeps = { handlers, extensionId: EXTENSION_ID, extensionOrigin: ORIGIN, getSettings, localeOf: () => 'en' };
const pageSender = { id: EXTENSION_ID, url: `${ORIGIN}/popup.html` };

async function call<N extends MessageName>(name: N, data: RequestOf<N>): Promise<Reply<unknown>> {
  return dispatch({ protocol: PROTOCOL_TAG, name, data }, pageSender, deps);
}
async function ok<T>(name: MessageName, data: unknown): Promise<T> {
  const reply = await call(name, data as never);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`);
  return reply.data as T;
}

function stored(
  conversationId: string,
  seq: number,
  role: 'user' | 'assistant',
  content: string,
  extra: Partial<StoredMessage> = {},
): StoredMessage {
  return { id: `${conversationId}-m${seq}`, conversationId, seq, role, content, status: 'done', createdAt: 1000 + seq, ...extra };
}

async function seed(id: string, texts: string[], extra: Partial<StoredMessage> = {}) {
  await appendMessages(
    { id, create: { id, title: texts[0]!, model: 'gpt-4o-mini', createdAt: 1000, updatedAt: 1000 } },
    texts.map((text, seq) => stored(id, seq, seq % 2 ? 'assistant' : 'user', text, seq === texts.length - 1 ? extra : {})),
  );
}

beforeEach(async () => {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  await updateSettings({ provider: 'custom', baseURL: fixture.server.baseURL, model: 'gpt-4o-mini' });
  await setApiKey('custom', fixture.server.apiKey);
});

describe('chat messages', () => {
  it('opens the current conversation, and none when there is none', async () => {
    expect(await ok('chatGet', { id: null })).toBeNull();
    await seed('c1', ['hello', 'hi there']);
    await ok('chatSetCurrent', { id: 'c1' });
    expect(await ok<Conversation>('chatGet', { id: null })).toMatchObject({
      id: 'c1',
      messages: [{ content: 'hello' }, { content: 'hi there' }],
    });
    await ok('chatSetCurrent', { id: null });
    expect(await ok('chatGet', { id: null })).toBeNull();
    expect(await ok<Conversation>('chatGet', { id: 'c1' })).toMatchObject({ id: 'c1' });
  });

  it('keeps one draft, for the conversation it was typed in (a new chat under null)', async () => {
    await seed('c1', ['hello', 'hi']);
    expect(await ok('chatGetDraft', { id: null })).toEqual({ text: '' });
    await ok('chatSaveDraft', { id: null, text: 'new chat draft' });
    expect(await ok('chatGetDraft', { id: null })).toEqual({ text: 'new chat draft' });
    await ok('chatSetCurrent', { id: 'c1' });
    // Null means the current conversation, whose draft this is not.
    expect(await ok('chatGetDraft', { id: null })).toEqual({ text: '' });
    await ok('chatSaveDraft', { id: 'c1', text: 'follow-up draft' });
    expect(await ok('chatGetDraft', { id: null })).toEqual({ text: 'follow-up draft' });
    expect(await ok('chatGetDraft', { id: 'c2' })).toEqual({ text: '' });
    await ok('chatSaveDraft', { id: 'c1', text: '' });
    expect(await ok('chatGetDraft', { id: 'c1' })).toEqual({ text: '' });
  });

  it('finds an answer left streaming by a stopped worker interrupted, with Retry, and stores that', async () => {
    await seed('c1', ['question', 'half an ans'], { status: 'streaming', jobId: 'job-from-a-dead-worker' });
    const conversation = await ok<Conversation>('chatGet', { id: 'c1' });
    expect(conversation.messages[1]).toMatchObject({
      content: 'half an ans',
      status: 'interrupted',
      error: { code: 'interrupted', retryable: true },
    });
    expect(conversation.messages[1]).not.toHaveProperty('jobId');
    expect((await getStoredMessages('c1'))[1]).toMatchObject({ status: 'interrupted' });
  });

  it('leaves an answer that this worker is still streaming alone', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'slow '.repeat(40), chunkIntervalMs: 20 });
    const jobs = new JobManager({ actions, getSettings, localeOf: () => 'en' });
    const port = createFakePort();
    jobs.connect(port, 'extension-page');
    port.send({
      type: 'start',
      action: 'chat',
      input: { op: 'send', conversationId: 'live', messageId: 'q', answerId: 'a', text: 'go', model: 'gpt-4o-mini' },
    });
    await vi.waitFor(() => expect((port.received as StreamEvent[]).some((e) => e.type === 'delta')).toBe(true), {
      timeout: 5000,
    });
    const conversation = await ok<Conversation>('chatGet', { id: 'live' });
    expect(conversation.messages[1]).toMatchObject({ status: 'streaming', jobId: (port.received[0] as { jobId: string }).jobId });
    port.send({ type: 'stop' });
    await vi.waitFor(() => expect((port.received as StreamEvent[]).some((e) => e.type === 'error')).toBe(true), {
      timeout: 5000,
    });
  });

  it('estimates exactly the prompt tokens the provider then bills, history included', async () => {
    await seed('c1', ['What is the capital of France?', 'Paris.', 'And of Italy?', 'Rome.']);
    const estimate = await ok<ChatEstimate>('chatEstimate', {
      conversationId: 'c1',
      text: 'And of Spain?',
      model: 'gpt-4o-mini',
    });
    expect(estimate).toMatchObject({ exact: true, historyIncluded: 4, historyTotal: 4, fits: true, model: 'gpt-4o-mini' });
    expect(estimate.costUsd).toBeCloseTo((estimate.promptTokens * 0.15) / 1e6, 12);

    const jobs = new JobManager({ actions, getSettings, localeOf: () => 'en' });
    const port = createFakePort();
    jobs.connect(port, 'extension-page');
    port.send({
      type: 'start',
      action: 'chat',
      input: { op: 'send', conversationId: 'c1', messageId: 'q3', answerId: 'a3', text: 'And of Spain?', model: 'gpt-4o-mini' },
    });
    await vi.waitFor(() => expect((port.received as StreamEvent[]).some((e) => e.type === 'done')).toBe(true), { timeout: 5000 });
    const usage = (port.received as StreamEvent[]).find((e) => e.type === 'usage');
    expect(usage).toMatchObject({ usage: { promptTokens: estimate.promptTokens, estimated: false } });
  });

  it('marks estimates for other providers’ models as estimates, without a price', async () => {
    const estimate = await ok<ChatEstimate>('chatEstimate', { conversationId: null, text: '你好', model: 'deepseek-chat' });
    expect(estimate).toMatchObject({ exact: false, costUsd: null, historyTotal: 0 });
    expect(estimate.promptTokens).toBeGreaterThan(0);
  });

  it('counts a megabyte draft (a request larger than ordinary messages may be) and says it does not fit', async () => {
    const big = 'The quick brown fox jumps over the lazy dog. '.repeat(23_302);
    const estimate = await ok<ChatEstimate>('chatEstimate', { conversationId: null, text: big, model: 'gpt-4o-mini' });
    expect(estimate.fits).toBe(false);
    expect(estimate.messageTokens).toBeGreaterThan(200_000);
    // Ordinary messages keep the small limit.
    expect(await call('chatRename', { id: 'c1', title: 'x'.repeat(100_000) })).toMatchObject({
      ok: false,
      error: { code: 'too_large' },
    });
  });

  it('lists with search, renames, switches the model, deletes', async () => {
    await seed('c1', ['Tell me about apples', 'Apples are fruit.']);
    await seed('c2', ['Tell me about rivers', 'The Nile is long.']);
    expect((await ok<{ id: string }[]>('chatList', { query: 'nile' })).map((c) => c.id)).toEqual(['c2']);
    await ok('chatRename', { id: 'c2', title: '  Rivers\nof the world ' });
    await ok('chatSetModel', { id: 'c2', model: 'gpt-4.1' });
    expect(await ok('chatGet', { id: 'c2' })).toMatchObject({ title: 'Rivers of the world', model: 'gpt-4.1' });
    expect(await call('chatRename', { id: 'c2', title: '   ' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await call('chatRename', { id: 'missing', title: 'x' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    await ok('chatDelete', { id: 'c1' });
    expect((await ok<{ id: string }[]>('chatList', { query: '' })).map((c) => c.id)).toEqual(['c2']);
  });

  it('exports and imports conversations; an import skips what is already there and refuses what is not an export', async () => {
    await seed('c1', ['one', 'two']);
    await seed('c2', ['three', 'four']);
    const exported = await ok<Conversation[]>('chatExport', { ids: null });
    expect(exported.map((c) => c.id).sort()).toEqual(['c1', 'c2']);
    expect(await ok<Conversation[]>('chatExport', { ids: ['c2'] })).toMatchObject([
      { id: 'c2', messages: [{ content: 'three' }, { content: 'four' }] },
    ]);

    await ok('chatDelete', { id: 'c1' });
    const file = { format: 'glance-chat', version: 1, conversations: exported };
    expect(await ok('chatImport', { data: file })).toEqual({ imported: 1, skipped: 1 });
    expect(await ok<Conversation>('chatGet', { id: 'c1' })).toMatchObject({ messages: [{ content: 'one' }, { content: 'two' }] });

    for (const data of [
      { format: 'something-else', conversations: [] },
      { format: 'glance-chat', conversations: [{ messages: [{ role: 'hacker', content: 'x' }] }] },
      'text',
    ]) {
      expect(await call('chatImport', { data })).toMatchObject({ ok: false, error: { code: 'refused' } });
    }
  });

  it('imports a conversation that reuses stored message ids as copies: nothing stored moves or changes', async () => {
    await seed('orig', ['one', 'two']);
    const before = await getStoredMessages('orig');
    const file = {
      format: 'glance-chat',
      conversations: [
        {
          id: 'thief',
          title: 'Thief',
          messages: [
            { id: 'orig-m0', role: 'user', content: 'taken' },
            { id: 'orig-m1', role: 'assistant', content: 'taken too' },
            { id: 'orig-m1', role: 'assistant', content: 'twice' },
          ],
        },
      ],
    };
    expect(await ok('chatImport', { data: file })).toEqual({ imported: 1, skipped: 0 });
    expect(await getStoredMessages('orig')).toEqual(before);
    const thief = await ok<Conversation>('chatGet', { id: 'thief' });
    expect(thief.messages.map((m) => m.content)).toEqual(['taken', 'taken too', 'twice']);
    expect(thief.messageCount).toBe(3);
    expect((await ok<{ id: string; messageCount: number }[]>('chatList', { query: '' })).map((c) => c.messageCount)).toEqual([
      3, 2,
    ]);
  });

  it('refuses content scripts every chat message: conversations are private', async () => {
    const contentSender = { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 3 } as never };
    for (const name of ['chatGet', 'chatList', 'chatExport', 'chatEstimate', 'chatImport'] as const) {
      const reply = await dispatch(
        { protocol: PROTOCOL_TAG, name, data: { id: null, query: '', ids: null } },
        contentSender,
        deps,
      );
      expect(reply, name).toMatchObject({ ok: false, error: { code: 'refused' } });
    }
  });
});
