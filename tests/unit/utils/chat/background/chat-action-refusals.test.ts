import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { actions } from '@/entrypoints/background/features';
import { getConversation, getStoredMessages } from '@/utils/chat/background/conversations';
import { JobManager } from '@/entrypoints/background/jobs';
import { setApiKey } from '@/utils/llm/background/secret-store';
import type { ChatInput } from '@/utils/chat/types';
import type { StreamEvent } from '@/utils/protocol';
import { getSettings, updateSettings } from '@/utils/settings';
import { useFakeServer } from '@/tests/fake-server/test-helpers';
import { createFakePort, type FakePort } from '@/tests/unit/helpers/ports';

/** The chat action's refusals: what would corrupt a conversation is never stored. */
const fixture = useFakeServer();

beforeEach(async () => {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  await updateSettings({ provider: 'custom', baseURL: fixture.server.baseURL, model: 'gpt-4o-mini' });
  await setApiKey('custom', fixture.server.apiKey);
});

const jobs = () => new JobManager({ actions, getSettings, localeOf: () => 'en' });
const events = (port: FakePort) => port.received as StreamEvent[];
const ended = (port: FakePort) => events(port).find((e) => e.type === 'done' || e.type === 'error');
const until = (check: () => boolean | Promise<boolean>, timeout = 5000) =>
  vi.waitFor(async () => expect(await check()).toBe(true), { timeout, interval: 10 });

let counter = 0;
function send(manager: JobManager, text: string, conversationId: string) {
  counter += 1;
  const input: ChatInput = {
    op: 'send',
    conversationId,
    messageId: `q${counter}`,
    answerId: `a${counter}`,
    text,
    model: 'gpt-4o-mini',
  };
  return { port: start(manager, input), answerId: input.answerId };
}

function start(manager: JobManager, input: ChatInput): FakePort {
  const port = createFakePort();
  manager.connect(port, 'extension-page');
  port.send({ type: 'start', action: 'chat', input });
  return port;
}

const chatRequests = () => fixture.server.requests.filter((r) => r.path === '/v1/chat/completions');

describe('chat action refusals', () => {
  it('accepts one of two sends racing into one conversation and refuses the other as busy, in plain words', async () => {
    const manager = jobs();
    const first = send(manager, 'one', 'race');
    await until(() => ended(first.port) !== undefined);
    const second = send(manager, 'two', 'race');
    await until(() => ended(second.port) !== undefined);

    // Two popups on the same conversation press Enter at the same moment.
    fixture.server.enqueue({ kind: 'text', text: 'slow '.repeat(30), chunkIntervalMs: 10 });
    const a = send(manager, 'from window A', 'race');
    const b = send(manager, 'from window B', 'race');
    await until(() => ended(a.port) !== undefined || ended(b.port) !== undefined);
    const [refused, accepted] = ended(a.port) ? [a, b] : [b, a];
    expect(ended(refused.port)).toMatchObject({ type: 'error', error: { code: 'chat_busy', retryable: false } });
    const message = (ended(refused.port) as { error: { message: string } }).error.message;
    expect(message).toMatch(/still being written in this conversation/);
    expect(message).toMatch(/another window/);
    await until(() => ended(accepted.port) !== undefined);
    expect(ended(accepted.port)).toEqual({ type: 'done', finishReason: 'stop' });

    const stored = await getStoredMessages('race');
    expect(stored.map((m) => m.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(stored.filter((m) => m.role === 'assistant' && m.id === refused.answerId)).toEqual([]);
    expect(stored[5]).toMatchObject({ id: accepted.answerId, status: 'done' });
    expect((await getConversation('race'))!.messageCount).toBe(6);
    expect(chatRequests()).toHaveLength(3);
  });

  it('refuses what would corrupt a conversation: reused ids, regenerating an earlier answer, a second answer at once', async () => {
    const manager = jobs();
    const first = send(manager, 'one', 'c10');
    await until(() => ended(first.port) !== undefined);
    const second = send(manager, 'two', 'c10');
    await until(() => ended(second.port) !== undefined);

    const reused = start(manager, {
      op: 'send',
      conversationId: 'c10',
      messageId: 'fresh',
      answerId: first.answerId,
      text: 'x',
      model: 'gpt-4o-mini',
    });
    // An id stored in another conversation is in use too: a put would move that message here.
    const elsewhere = start(manager, {
      op: 'send',
      conversationId: 'other',
      messageId: 'fresh2',
      answerId: first.answerId,
      text: 'x',
      model: 'gpt-4o-mini',
    });
    const earlier = start(manager, { op: 'regenerate', conversationId: 'c10', answerId: first.answerId });
    const missing = start(manager, { op: 'regenerate', conversationId: 'nope', answerId: 'a1' });
    for (const port of [reused, elsewhere, earlier, missing]) {
      await until(() => ended(port) !== undefined);
      expect(ended(port)).toMatchObject({ type: 'error', error: { code: 'refused' } });
    }
    expect(await getConversation('other')).toBeUndefined();

    fixture.server.enqueue({ kind: 'text', text: 'slow '.repeat(50), chunkIntervalMs: 20 });
    const running = send(manager, 'three', 'c10');
    await until(() => events(running.port).some((e) => e.type === 'delta'));
    const meanwhile = send(manager, 'four', 'c10');
    const again = start(manager, { op: 'regenerate', conversationId: 'c10', answerId: running.answerId });
    await until(() => ended(meanwhile.port) !== undefined && ended(again) !== undefined);
    expect(ended(meanwhile.port)).toMatchObject({ type: 'error', error: { code: 'chat_busy' } });
    expect(ended(again)).toMatchObject({ type: 'error', error: { code: 'chat_busy' } });
    running.port.send({ type: 'stop' });
    await until(() => ended(running.port) !== undefined);
    expect((await getStoredMessages('c10')).map((m) => m.content.slice(0, 4))).toEqual([
      'one',
      'Echo',
      'two',
      'Echo',
      'thre',
      'slow',
    ]);
  });
});
