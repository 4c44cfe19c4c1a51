import { describe, expect, it } from 'vitest';
import { AnswerWriter, isLive } from '@/utils/chat/background/answers';
import { getStoredMessages, type StoredMessage } from '@/utils/chat/background/conversations';
import { prepareSend } from '@/utils/chat/background/turns';
import { AppError } from '@/utils/errors';

const answer = (id: string): StoredMessage => ({
  id,
  conversationId: 'c1',
  seq: 1,
  role: 'assistant',
  content: '',
  status: 'streaming',
  createdAt: 1,
});

describe("the answer's writes and the question's, still on its way", () => {
  it('come after the question is stored', async () => {
    let store = () => {};
    const stored = new Promise<void>((resolve) => {
      store = resolve;
    });
    const writer = new AnswerWriter(answer('a1'), 'job', 10, stored);
    const begun = writer.begin();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await getStoredMessages('c1')).toEqual([]);
    store();
    await begun;
    expect((await getStoredMessages('c1')).map((message) => message.status)).toEqual(['streaming']);
  });

  it('fail with it, storing nothing, and the answer is no longer live', async () => {
    const failed = Promise.reject(new AppError('storage_failed'));
    const writer = new AnswerWriter(answer('a2'), 'job', 10, failed);
    await expect(writer.begin()).rejects.toMatchObject({ code: 'storage_failed' });
    writer.append('Some text');
    await expect(writer.finish({ status: 'done' })).rejects.toMatchObject({ code: 'storage_failed' });
    expect(await getStoredMessages('c1')).toEqual([]);
    expect(isLive('a2')).toBe(false);
  });

  it('prepareSend hands back the request with the write under way; it lands with the question and answer', async () => {
    const prepared = await prepareSend({
      op: 'send',
      conversationId: 'c2',
      messageId: 'q1',
      answerId: 'a1',
      text: 'Hi',
      model: 'm',
    });
    expect(prepared.request).toEqual({ model: 'm', history: [], message: 'Hi' });
    await prepared.stored;
    expect((await getStoredMessages('c2')).map((message) => message.role)).toEqual(['user', 'assistant']);
    await expect(
      prepareSend({ op: 'send', conversationId: 'c2', messageId: 'q1', answerId: 'a9', text: 'Again', model: 'm' }),
    ).rejects.toThrow();
  });
});
