// @vitest-environment jsdom
import { act, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { STORED, useChatHarness } from './use-chat-harness';

// As in use-chat.test.tsx: the fake browser, without WXT's plugin.
vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const chat = useChatHarness();
const { ports, messages, replies } = chat;
const stored = STORED;
const mounted = () => chat.mounted();

describe('useChat: a question refused before it was stored', () => {
  it('puts the question back into an empty composer when it could not be stored, with no bubble for it', async () => {
    const hook = await mounted();
    act(() => hook.result.current.controls.setDraft('Important question'));
    act(() => void hook.result.current.controls.send());
    ports[0]!.emit({ type: 'error', error: { code: 'storage_failed', message: 'Saving failed: full.', retryable: true } });
    const { state, draft } = hook.result.current;
    expect(draft).toBe('Important question');
    // Nothing was stored: no question, no failed answer with Regenerate, a new chat stays unsaved.
    expect(state.messages).toEqual([]);
    expect(state.saved).toBe(false);
    expect(state.title).toBe('');
    // Send is the retry (the text is back): the notice offers no Retry of its own.
    expect(state.error).toMatchObject({ code: 'storage_failed', message: 'Saving failed: full.', retryable: false });
    // The next send clears it.
    act(() => void hook.result.current.controls.send());
    expect(hook.result.current.state.error).toBeNull();
  });

  it('refused because another window is answering: keeps the typed text and shows the conversation as stored', async () => {
    replies.chatGet = () => ({
      ...stored,
      messages: [
        { ...stored.messages[0]!, id: 'q0' },
        { ...stored.messages[1]!, id: 'a0', status: 'done' },
      ],
    });
    const hook = await mounted();
    act(() => hook.result.current.controls.setDraft('Mine too'));
    act(() => void hook.result.current.controls.send());
    expect(hook.result.current.state.messages).toHaveLength(4);
    // Meanwhile the other window's question and its answer, still streaming, were stored.
    replies.chatGet = () => stored;
    ports[0]!.emit({ type: 'error', error: { code: 'chat_busy', message: 'Still being written.', retryable: false } });
    expect(hook.result.current.draft).toBe('Mine too');
    await waitFor(() => expect(hook.result.current.state.messages.map((m) => m.id)).toEqual(['q1', 'a1']));
    expect(messages.filter((m) => m.name === 'chatGet').at(-1)!.data).toEqual({ id: 'c1' });
    const { state } = hook.result.current;
    expect(state.error).toMatchObject({ code: 'chat_busy', message: 'Still being written.' });
    // The other window's answer streams in here too.
    expect(state.streamingId).toBe('a1');
    expect(ports.at(-1)!.sent).toEqual([{ type: 'attach', jobId: 'job-1' }]);
  });
});
