import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '@/tests/fake-server';
import { answers, openChat, sendMessage, waitForAnswerEnd } from './chat-helpers';
import { closeAll, startConfiguredGlance } from './configure';
import type { Glance } from './harness';

let server: FakeServer;
let glance: Glance;

beforeAll(async () => ({ server, glance } = await startConfiguredGlance()));
afterAll(() => closeAll(glance, server));

const chatRequests = () => server.requests.filter((r) => r.path === '/v1/chat/completions');

describe('two popups on one conversation', () => {
  it('writes one answer when both send at once; the other popup says why and keeps its text', async () => {
    const first = await openChat(glance);
    server.enqueue({ kind: 'text', text: 'Hello there.' });
    await sendMessage(first, 'Start a conversation.');
    await waitForAnswerEnd(first);
    // A second popup opens on the same (current) conversation.
    const second = await openChat(glance);
    await expect.poll(() => answers(second).count()).toBe(1);

    server.enqueue({ kind: 'text', text: 'slow '.repeat(40), chunkIntervalMs: 25 });
    const typed = ['Question from window one', 'Question from window two'];
    const boxes = [first, second].map((page) => page.getByRole('textbox', { name: 'Message' }));
    await boxes[0]!.fill(typed[0]!);
    await boxes[1]!.fill(typed[1]!);
    await Promise.all(boxes.map((box) => box.press('Enter')));

    const refusal = (page: typeof first) =>
      page.getByRole('alert').filter({ hasText: 'An answer is still being written in this conversation' });
    await expect.poll(async () => (await refusal(first).count()) + (await refusal(second).count())).toBe(1);
    const refusedIndex = (await refusal(first).count()) === 1 ? 0 : 1;
    const [refused, accepted] = refusedIndex === 0 ? [first, second] : [second, first];
    expect(await refusal(refused).textContent()).toContain('another window');
    // The refused text waits in its composer, to be sent once the other answer is done.
    expect(await boxes[refusedIndex]!.inputValue()).toBe(typed[refusedIndex]);
    // It shows what is stored: the other window's question and its answer streaming in, no bubble
    // of its own and no Regenerate of an answer that never was.
    const refusedLog = refused.getByRole('log', { name: 'Conversation' });
    await expect.poll(() => refusedLog.textContent()).toContain(typed[1 - refusedIndex]);
    expect(await refusedLog.textContent()).not.toContain(typed[refusedIndex]);
    await expect.poll(() => answers(refused).last().textContent()).toContain('slow slow');

    await waitForAnswerEnd(accepted);
    await expect.poll(() => answers(accepted).last().textContent()).toContain('slow slow');
    expect(chatRequests()).toHaveLength(2);
    expect((chatRequests()[1]!.body as { messages: { content: string }[] }).messages.at(-1)!.content).toBe(
      typed[1 - refusedIndex],
    );

    // Reopened, the conversation holds exactly the accepted turn.
    const reopened = await openChat(glance);
    await expect.poll(() => answers(reopened).count()).toBe(2);
    const log = await reopened.getByRole('log', { name: 'Conversation' }).textContent();
    expect(log).toContain(typed[1 - refusedIndex]);
    expect(log).not.toContain(typed[refusedIndex]);
    expect(server.validationErrors).toEqual([]);
    for (const page of [first, second, reopened]) await page.close();
  });
});
