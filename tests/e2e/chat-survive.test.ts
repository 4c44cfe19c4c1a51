import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeServer } from '@/tests/fake-server';
import { answers, openChat, sendMessage, waitForAnswerEnd } from './chat-helpers';
import { closeAll, startConfiguredGlance } from './configure';
import type { Glance } from './harness';

// Answers stream over seconds here: poll for up to 15 s.
const poll = <T>(fn: () => Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout });

let server: FakeServer;
let glance: Glance;

beforeAll(async () => ({ server, glance } = await startConfiguredGlance()));
afterAll(() => closeAll(glance, server));
beforeEach(() => server.reset());

/** A long answer (480 chunks: one per word) that streams slowly enough to act in the middle of it. */
const LONG = Array.from({ length: 60 }, (_, i) => `Sentence number ${i + 1} of a long answer.`).join(' ');
const slow = { kind: 'text' as const, text: LONG, chunkChars: 12, chunkIntervalMs: 60 };

const lastAnswerText = async (page: import('playwright-core').Page) =>
  ((await answers(page).last().locator('.markdown').textContent()) ?? '').trim();

describe('answers that are stopped, abandoned or cut', () => {
  it('Stop keeps the partial answer, marked as stopped, and Regenerate answers again', async () => {
    const page = await openChat(glance);
    server.enqueue(slow);
    await sendMessage(page, 'Tell me a long story.');
    await poll(() => lastAnswerText(page)).toContain('Sentence number 3');
    await page.getByRole('button', { name: 'Stop' }).click();
    await waitForAnswerEnd(page);
    const partial = await lastAnswerText(page);
    expect(partial).toContain('Sentence number 3');
    expect(partial).not.toContain('Sentence number 60');
    expect(await answers(page).last().getByText('Stopped', { exact: true }).count()).toBe(1);
    // What was billed for the partial answer is shown, as an estimate.
    expect(await answers(page).last().getByLabel('Usage of this answer').textContent()).toMatch(/tokens in/);

    // Stored as shown: a new popup shows the same partial answer.
    const again = await openChat(glance);
    await poll(() => lastAnswerText(again)).toBe(partial);
    expect(await answers(again).last().getByText('Stopped', { exact: true }).count()).toBe(1);
    await again.close();

    server.enqueue({ kind: 'text', text: 'A short story, this time.' });
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await waitForAnswerEnd(page);
    await poll(() => lastAnswerText(page)).toBe('A short story, this time.');
    expect(await answers(page).count()).toBe(1);
    const regenerate = server.requests.at(-1)!.body as { messages: { role: string; content: string }[] };
    expect(regenerate.messages.map((m) => m.role)).toEqual(['system', 'user']);
    await page.close();
  });

  it('an answer keeps streaming after the popup closes; reopening shows it complete', async () => {
    const page = await openChat(glance);
    server.enqueue({ ...slow, chunkIntervalMs: 25 });
    await sendMessage(page, 'Write while I am away.');
    await poll(() => lastAnswerText(page)).toContain('Sentence number 2');
    await page.close();

    // Reopened mid-answer: the text so far, then the rest as it arrives.
    const reopened = await openChat(glance);
    await poll(() => lastAnswerText(reopened)).toContain('Sentence number 1 of');
    expect(await reopened.getByRole('button', { name: 'Stop' }).count()).toBe(1);
    await waitForAnswerEnd(reopened, 40_000);
    expect(await lastAnswerText(reopened)).toBe(LONG);
    await reopened.close();

    // Closed again until long after the end: the stored answer is complete.
    const later = await openChat(glance);
    await poll(() => lastAnswerText(later)).toBe(LONG);
    expect(await answers(later).last().getByLabel('Usage of this answer').count()).toBe(1);
    await later.close();
  });

  it('an answer closed and reopened only after it finished is complete', async () => {
    const page = await openChat(glance);
    await page.getByRole('button', { name: 'New chat' }).click();
    server.enqueue({ ...slow, chunkIntervalMs: 10 });
    await sendMessage(page, 'Quick, while I close this.');
    await poll(() => lastAnswerText(page)).toContain('Sentence number 1');
    await page.close();
    await server.waitForRequests(1);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const reopened = await openChat(glance);
    await poll(() => lastAnswerText(reopened)).toBe(LONG);
    expect(await reopened.getByText('Interrupted', { exact: true }).count()).toBe(0);
    await reopened.close();
  });

  it('a service worker stopped mid-answer leaves the partial answer marked interrupted; Retry completes it', async () => {
    const page = await openChat(glance);
    await page.getByRole('button', { name: 'New chat' }).click();
    server.enqueue({ ...slow, chunkIntervalMs: 100 });
    await sendMessage(page, 'Answer slowly.');
    await poll(() => lastAnswerText(page)).toContain('Sentence number 3');
    const cdp = await glance.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    const answer = answers(page).last();
    await poll(() => answer.getByText('Interrupted', { exact: true }).count()).toBe(1);
    const partial = await lastAnswerText(page);
    expect(partial).toContain('Sentence number 3');
    expect(partial).not.toContain('Sentence number 60');
    expect(await answer.getByRole('alert').textContent()).toMatch(/stopped while working/);

    // A popup opened now (a new worker) finds the stored answer interrupted too.
    const other = await openChat(glance);
    await poll(() => answers(other).last().getByText('Interrupted', { exact: true }).count()).toBe(1);
    expect(await answers(other).last().getByRole('button', { name: 'Retry' }).count()).toBe(1);
    await other.close();

    server.enqueue({ kind: 'text', text: LONG, chunkChars: 40 });
    await answer.getByRole('button', { name: 'Retry' }).click();
    await waitForAnswerEnd(page);
    await poll(() => lastAnswerText(page)).toBe(LONG);
    expect(await answer.getByText('Interrupted', { exact: true }).count()).toBe(0);
    expect(await answer.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('a connection dropped mid-answer leaves the partial answer marked interrupted; Retry completes it', async () => {
    const page = await openChat(glance);
    await page.getByRole('button', { name: 'New chat' }).click();
    server.enqueue({ ...slow, chunkIntervalMs: 10, dropAfterChunks: 8 });
    await sendMessage(page, 'Answer over a bad line.');
    await waitForAnswerEnd(page);
    const answer = answers(page).last();
    expect(await answer.getByText('Interrupted', { exact: true }).count()).toBe(1);
    expect(await answer.getByRole('alert').textContent()).toMatch(/connection closed before the answer finished/);
    expect(await lastAnswerText(page)).toContain('Sentence number 1');

    server.enqueue({ kind: 'text', text: LONG, chunkChars: 40 });
    await answer.getByRole('button', { name: 'Retry' }).click();
    await waitForAnswerEnd(page);
    await poll(() => lastAnswerText(page)).toBe(LONG);
    expect(await answer.getByText('Interrupted', { exact: true }).count()).toBe(0);
    await page.close();
  });

  it('a message being typed when the popup closes is there when it opens again', async () => {
    const page = await openChat(glance);
    await page.getByRole('button', { name: 'New chat' }).click();
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('A long question I was still typing');
    // Closed at once, as a click elsewhere closes the popup: no time for the typing pause to pass.
    await page.close();
    const reopened = await openChat(glance);
    await poll(() => reopened.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('A long question I was still typing');
    expect(server.requests).toHaveLength(0);
    await reopened.close();
  });
});
