import { describe, expect, it, vi } from 'vitest';
import {
  addConversation,
  appendMessages,
  deleteConversation,
  getConversation,
  getCurrentId,
  getStoredMessages,
  hasConversation,
  listConversations,
  putMessage,
  setCurrentId,
  updateConversation,
  type StoredMessage,
} from '@/utils/chat/background/conversations';
import type { Conversation } from '@/utils/chat/types';
import { failure } from '@/tests/unit/helpers/failure';

function message(
  conversationId: string,
  seq: number,
  role: 'user' | 'assistant',
  content: string,
  createdAt = 1000 + seq,
): StoredMessage {
  return { id: `${conversationId}-${seq}`, conversationId, seq, role, content, status: 'done', createdAt };
}

async function conversation(id: string, title: string, texts: string[], at: number) {
  await appendMessages(
    { id, create: { id, title, model: 'gpt-4o-mini', createdAt: at, updatedAt: at } },
    texts.map((text, seq) => message(id, seq, seq % 2 ? 'assistant' : 'user', text, at + seq)),
  );
}

describe('conversation store', () => {
  it('creates a conversation with its first messages, in order, and counts them', async () => {
    await conversation('c1', 'Apples', ['Tell me about apples', 'They grow on trees.'], 5000);
    await appendMessages({ id: 'c1' }, [message('c1', 3, 'assistant', 'Fourth'), message('c1', 2, 'user', 'Third')]);
    const stored = await getConversation('c1');
    expect(stored).toMatchObject({ id: 'c1', title: 'Apples', model: 'gpt-4o-mini', createdAt: 5000, messageCount: 4 });
    expect(stored!.messages.map((m) => m.content)).toEqual(['Tell me about apples', 'They grow on trees.', 'Third', 'Fourth']);
    // Pages get messages without the store's bookkeeping.
    expect(stored!.messages[0]).not.toHaveProperty('conversationId');
    expect(stored!.messages[0]).not.toHaveProperty('seq');
    expect(await getConversation('missing')).toBeUndefined();
  });

  it('refuses messages for a conversation that does not exist', async () => {
    expect((await failure(appendMessages({ id: 'nope' }, [message('nope', 0, 'user', 'hi')]))).code).toBe('refused');
    expect(await hasConversation('nope')).toBe(false);
  });

  it('lists newest first and searches titles and message text, case-insensitively, in any script', async () => {
    await conversation('old', 'Rivers', ['Which river is longest?', 'The Nile, by most measures.'], 1000);
    await conversation('mid', '苹果', ['苹果是什么颜色？', '通常是红色或绿色。'], 2000);
    await conversation('new', 'Weather', ['Will it rain?', 'Take an UMBRELLA.'], 3000);
    expect((await listConversations()).map((c) => c.id)).toEqual(['new', 'mid', 'old']);
    expect((await listConversations('umbrella')).map((c) => c.id)).toEqual(['new']);
    expect((await listConversations('RIVER')).map((c) => c.id)).toEqual(['old']);
    expect((await listConversations('红色')).map((c) => c.id)).toEqual(['mid']);
    expect(await listConversations('zebra')).toEqual([]);
    expect(await listConversations('  ')).toHaveLength(3);
  });

  it('renames, switches models, and refuses to change what does not exist', async () => {
    await conversation('c1', 'First title', ['hi', 'hello'], 1000);
    await updateConversation('c1', { title: 'Better title', model: 'gpt-4.1' });
    expect(await getConversation('c1')).toMatchObject({ title: 'Better title', model: 'gpt-4.1', messageCount: 2 });
    expect((await failure(updateConversation('missing', { title: 'x' }))).code).toBe('refused');
  });

  it('deletes a conversation with all its messages, and forgets it as the current one', async () => {
    await conversation('c1', 'One', ['a', 'b'], 1000);
    await conversation('c2', 'Two', ['c', 'd'], 2000);
    await setCurrentId('c1');
    await deleteConversation('c1');
    expect(await getConversation('c1')).toBeUndefined();
    expect(await getStoredMessages('c1')).toEqual([]);
    expect(await getCurrentId()).toBeNull();
    expect((await getConversation('c2'))!.messages).toHaveLength(2);
    await setCurrentId('c2');
    await deleteConversation('c1');
    expect(await getCurrentId()).toBe('c2');
  });

  it('updates one message as an answer streams, and touches the conversation only when asked', async () => {
    await conversation('c1', 'One', ['q'], 1000);
    await appendMessages({ id: 'c1' }, [{ ...message('c1', 1, 'assistant', ''), status: 'streaming', jobId: 'job' }]);
    const before = (await getConversation('c1'))!.updatedAt;
    await putMessage({ ...message('c1', 1, 'assistant', 'partial'), status: 'streaming', jobId: 'job' });
    expect((await getConversation('c1'))!.updatedAt).toBe(before);
    expect((await getConversation('c1'))!.messages[1]).toMatchObject({ content: 'partial', status: 'streaming', jobId: 'job' });
    await putMessage({ ...message('c1', 1, 'assistant', 'complete') }, true);
    const after = await getConversation('c1');
    expect(after!.messages[1]).toMatchObject({ content: 'complete', status: 'done' });
    expect(after!.updatedAt).toBeGreaterThan(before);
  });

  it('stores a whole imported conversation in its order, and never over a stored one', async () => {
    const imported = {
      id: 'imported',
      title: 'From a file',
      model: 'gpt-4o',
      createdAt: 1,
      updatedAt: 2,
      messageCount: 0,
      messages: [
        { id: 'm1', role: 'user', content: 'first', status: 'done', createdAt: 5 },
        { id: 'm2', role: 'assistant', content: 'second', status: 'done', createdAt: 3 },
      ],
    } satisfies Conversation;
    expect(await addConversation(imported)).toBe(true);
    const stored = await getConversation('imported');
    expect(stored!.messages.map((m) => m.content)).toEqual(['first', 'second']);
    expect(stored!.messageCount).toBe(2);
    expect(await addConversation({ ...imported, title: 'Again', messages: [] })).toBe(false);
    expect(await getConversation('imported')).toEqual(stored);
  });

  it('reports a full disk as storage_failed with the browser’s words, instead of losing the answer silently', async () => {
    await conversation('c1', 'One', ['q'], 1000);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await failure(putMessage(message('c1', 1, 'assistant', 'answer')));
    expect(error.code).toBe('storage_failed');
    expect(error.detail).toContain('QuotaExceededError');
    expect(error.retryable).toBe(false);
    const creating = await failure(conversation('c2', 'Two', ['q'], 2000));
    expect(creating.code).toBe('storage_failed');
    vi.restoreAllMocks();
    // Nothing half-written: the failed transaction left no conversation behind.
    expect(await hasConversation('c2')).toBe(false);
  });
});
