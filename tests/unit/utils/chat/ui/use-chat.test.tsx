// @vitest-environment jsdom
import { act, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { ClientEvent } from '@/utils/protocol';
import { renderHook } from '@testing-library/preact';
import { prefetchChat } from '@/utils/chat/ui/chat-prefetch';
import { useChat } from '@/utils/chat/ui/use-chat';
import { STORED, useChatHarness } from './use-chat-harness';

// Resolved by WXT's plugin, `wxt/browser` trips esbuild's TextEncoder check under jsdom; the
// fake browser it resolves to is the same object.
vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const chat = useChatHarness();
const { ports, messages, replies } = chat;
const stored = STORED;
const mounted = () => chat.mounted();

describe('useChat', () => {
  it('does not put a question sent meanwhile back as the kept draft when the draft arrives late', async () => {
    // A busy worker answers the draft last, and may by then hold the question typed meanwhile.
    let answerDraft: (value: { text: string }) => void = () => {};
    replies.chatGetDraft = () => new Promise((resolve) => (answerDraft = resolve));
    const hook = await mounted();
    act(() => hook.result.current.controls.setDraft('Quick question'));
    act(() => void hook.result.current.controls.send());
    await act(async () => {
      answerDraft({ text: 'Quick question' });
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(hook.result.current.draft).toBe('');
    expect(hook.result.current.state.messages[0]!.content).toBe('Quick question');
  });

  it('opens on the current conversation and re-attaches to an answer still streaming', async () => {
    replies.chatGet = () => stored;
    const hook = await mounted();
    expect(hook.result.current.state).toMatchObject({
      conversationId: 'c1',
      model: 'gpt-4.1-mini',
      saved: true,
      streamingId: 'a1',
    });
    expect(ports[0]!.sent).toEqual([{ type: 'attach', jobId: 'job-1' }]);
    ports[0]!.emit({ type: 'started', jobId: 'job-1' });
    ports[0]!.emit({ type: 'snapshot', text: 'The Nile, by most' });
    ports[0]!.emit({ type: 'delta', text: ' measures.' });
    ports[0]!.emit({ type: 'done', finishReason: 'stop' });
    const answer = hook.result.current.state.messages[1]!;
    expect(answer).toMatchObject({ content: 'The Nile, by most measures.', status: 'done' });
    expect(answer).not.toHaveProperty('jobId');
    expect(hook.result.current.state.streamingId).toBeNull();
  });

  it('shows a conversation prefetched before its first render in that render, and still follows its answer', async () => {
    replies.chatGet = () => stored;
    replies.chatGetDraft = () => ({ text: 'A follow-up' });
    prefetchChat();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const states: string[] = [];
    const hook = renderHook(() => {
      const chat = useChat('gpt-4o-mini');
      states.push(chat.state.loading ? 'loading' : chat.state.conversationId);
      return chat;
    });
    // Never a loading render: the first one has the conversation and its draft.
    expect(states[0]).toBe('c1');
    expect(hook.result.current.draft).toBe('A follow-up');
    expect(messages.filter((message) => message.name === 'chatGet')).toHaveLength(1);
    expect(ports[0]!.sent).toEqual([{ type: 'attach', jobId: 'job-1' }]);
    ports[0]!.emit({ type: 'started', jobId: 'job-1' });
    ports[0]!.emit({ type: 'snapshot', text: 'The Nile' });
    ports[0]!.emit({ type: 'done', finishReason: 'stop' });
    expect(hook.result.current.state.messages[1]).toMatchObject({ content: 'The Nile', status: 'done' });
    expect(states).not.toContain('loading');
  });

  it('uses a prefetch still on its way when the chat first renders, and asks nothing twice', async () => {
    let answer: (value: typeof stored) => void = () => {};
    replies.chatGet = () => new Promise((resolve) => (answer = resolve));
    prefetchChat();
    const hook = renderHook(() => useChat('gpt-4o-mini'));
    expect(hook.result.current.state.loading).toBe(true);
    await act(async () => answer(stored));
    await waitFor(() => expect(hook.result.current.state.conversationId).toBe('c1'));
    expect(messages.filter((message) => message.name === 'chatGet')).toHaveLength(1);
  });

  it('sends the draft with ids of its own, shows both messages at once, and streams the answer in', async () => {
    const hook = await mounted();
    act(() => hook.result.current.controls.setDraft('Hello there'));
    act(() => void hook.result.current.controls.send());
    const { state, draft } = hook.result.current;
    expect(draft).toBe('');
    expect(state.messages.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'Hello there', 'done'],
      ['assistant', '', 'streaming'],
    ]);
    expect(state.title).toBe('Hello there');
    const start = ports[0]!.sent[0] as Extract<ClientEvent, { type: 'start' }>;
    expect(start).toMatchObject({
      type: 'start',
      action: 'chat',
      input: {
        op: 'send',
        conversationId: state.conversationId,
        messageId: state.messages[0]!.id,
        answerId: state.messages[1]!.id,
        text: 'Hello there',
        model: 'gpt-4o-mini',
      },
    });
    // A second send while streaming does nothing.
    act(() => hook.result.current.controls.setDraft('Again'));
    expect(hook.result.current.controls.send()).toBe(false);
    ports[0]!.emit({ type: 'delta', text: 'Hi' });
    // The first text updates the message once; later chunks only reach the live text.
    expect(hook.result.current.state.messages[1]!.content).toBe('Hi');
    const rendersSoFar = chat.renders;
    ports[0]!.emit({ type: 'delta', text: '!' });
    expect(chat.renders).toBe(rendersSoFar);
    expect(hook.result.current.state.live!.text).toBe('Hi!');
    ports[0]!.emit({
      type: 'usage',
      usage: {
        model: 'gpt-4o-mini',
        promptTokens: 9,
        completionTokens: 2,
        cachedTokens: 0,
        reasoningTokens: 0,
        estimated: false,
        costUsd: 0,
      },
    });
    ports[0]!.emit({ type: 'done', finishReason: 'stop' });
    expect(hook.result.current.state.messages[1]).toMatchObject({ content: 'Hi!', status: 'done', usage: { promptTokens: 9 } });
    expect(hook.result.current.draft).toBe('Again');
  });

  it('keeps a partial answer as interrupted when the background dies, and Retry replaces it from the first new text', async () => {
    const hook = await mounted();
    act(() => hook.result.current.controls.setDraft('Tell me more'));
    act(() => void hook.result.current.controls.send());
    ports[0]!.emit({ type: 'delta', text: 'Part one, ' });
    ports[0]!.drop();
    const answer = hook.result.current.state.messages[1]!;
    expect(answer).toMatchObject({
      content: 'Part one, ',
      status: 'interrupted',
      error: { code: 'disconnected', retryable: true },
    });
    expect(hook.result.current.state.streamingId).toBeNull();

    act(() => hook.result.current.controls.regenerate(answer.id));
    expect(ports[1]!.sent[0]).toMatchObject({ type: 'start', input: { op: 'regenerate', answerId: answer.id } });
    // Until new text arrives, what arrived before stays on screen.
    expect(hook.result.current.state.messages[1]).toMatchObject({ content: 'Part one, ', status: 'streaming' });
    expect(hook.result.current.state.messages[1]).not.toHaveProperty('error');
    ports[1]!.emit({ type: 'delta', text: 'Whole answer.' });
    ports[1]!.emit({ type: 'done', finishReason: 'stop' });
    expect(hook.result.current.state.messages[1]).toMatchObject({ content: 'Whole answer.', status: 'done' });
  });

  it('marks a stopped answer stopped, without an error', async () => {
    const hook = await mounted();
    act(() => hook.result.current.controls.setDraft('Go on'));
    act(() => void hook.result.current.controls.send());
    ports[0]!.emit({ type: 'delta', text: 'Some' });
    act(() => hook.result.current.controls.stop());
    expect(ports[0]!.sent.at(-1)).toEqual({ type: 'stop' });
    ports[0]!.emit({ type: 'error', error: { code: 'aborted', message: 'Stopped.', retryable: false } });
    expect(hook.result.current.state.messages[1]).toMatchObject({ content: 'Some', status: 'stopped' });
    expect(hook.result.current.state.messages[1]!.error).toBeUndefined();
  });

  it('"Spend anyway" lifts the budget, then answers again', async () => {
    const hook = await mounted();
    act(() => hook.result.current.controls.setDraft('Expensive'));
    act(() => void hook.result.current.controls.send());
    const answerId = hook.result.current.state.messages[1]!.id;
    ports[0]!.emit({ type: 'error', error: { code: 'budget_exceeded', message: 'Over.', retryable: false } });
    act(() => hook.result.current.controls.overrideBudget(answerId));
    await waitFor(() => expect(ports).toHaveLength(2));
    expect(messages.map((m) => m.name)).toContain('overrideBudget');
    expect(ports[1]!.sent[0]).toMatchObject({ input: { op: 'regenerate', answerId } });
  });

  it('switches models per conversation, and New chat starts over on the default model', async () => {
    replies.chatGet = () => ({
      ...stored,
      messages: [stored.messages[0]!, { ...stored.messages[1]!, status: 'done', jobId: undefined }],
    });
    const hook = await mounted();
    act(() => hook.result.current.controls.setModel(' gpt-5-mini '));
    expect(hook.result.current.state.model).toBe('gpt-5-mini');
    await waitFor(() => expect(messages).toContainEqual({ name: 'chatSetModel', data: { id: 'c1', model: 'gpt-5-mini' } }));
    act(() => hook.result.current.controls.newChat());
    expect(hook.result.current.state).toMatchObject({ saved: false, model: 'gpt-4o-mini', messages: [] });
    expect(hook.result.current.state.conversationId).not.toBe('c1');
    await waitFor(() => expect(messages).toContainEqual({ name: 'chatSetCurrent', data: { id: null } }));
    // A new, unsaved chat keeps its model locally until its first message.
    act(() => hook.result.current.controls.setModel('gpt-4.1'));
    expect(messages.filter((m) => m.name === 'chatSetModel')).toHaveLength(1);
  });

  it('shows why a conversation could not be loaded', async () => {
    delete replies.chatGet;
    const hook = await mounted();
    expect(hook.result.current.state.error).toMatchObject({ code: 'refused' });
  });

  it('keeps the draft as it is typed and restores it when the page opens again', async () => {
    replies.chatGetDraft = () => ({ text: 'half-typed question' });
    const hook = await mounted();
    await waitFor(() => expect(hook.result.current.draft).toBe('half-typed question'));
    expect(messages.filter((m) => m.name === 'chatSaveDraft')).toEqual([]);
    act(() => hook.result.current.controls.setDraft('half-typed question, finished'));
    await waitFor(() =>
      expect(messages).toContainEqual({ name: 'chatSaveDraft', data: { id: null, text: 'half-typed question, finished' } }),
    );
  });

  it('stores the draft at once when the page goes away (a popup closes at any click elsewhere)', async () => {
    replies.chatGet = () => ({ ...stored, messages: [stored.messages[0]!] });
    const hook = await mounted();
    act(() => hook.result.current.controls.setDraft('typed just before closing'));
    expect(messages.filter((m) => m.name === 'chatSaveDraft')).toEqual([]);
    dispatchEvent(new Event('pagehide'));
    await waitFor(() =>
      expect(messages).toContainEqual({ name: 'chatSaveDraft', data: { id: 'c1', text: 'typed just before closing' } }),
    );
  });

  it('clears the kept draft when it is sent', async () => {
    const hook = await mounted();
    act(() => hook.result.current.controls.setDraft('Send me'));
    act(() => void hook.result.current.controls.send());
    dispatchEvent(new Event('pagehide'));
    await waitFor(() =>
      expect(messages.filter((m) => m.name === 'chatSaveDraft').at(-1)).toEqual({
        name: 'chatSaveDraft',
        data: { id: null, text: '' },
      }),
    );
  });
});
