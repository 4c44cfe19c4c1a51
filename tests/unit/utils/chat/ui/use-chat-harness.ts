import { act, renderHook, waitFor } from '@testing-library/preact';
import { beforeEach, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Conversation } from '@/utils/chat/types';
import { PROTOCOL_TAG, type ClientEvent, type StreamEvent } from '@/utils/protocol';
import { useChat } from '@/utils/chat/ui/use-chat';

/**
 * useChat's world for its tests: the background's replies to messages and its end of each Port,
 * driven by the test. Each test file still mocks `wxt/browser` itself (vi.mock is per file).
 */

/** The page's end of a Port, driven by the test as the background would. */
export interface ClientPort {
  sent: ClientEvent[];
  emit(event: StreamEvent): void;
  /** The background went away (worker stopped). */
  drop(): void;
}

/** A conversation whose answer is still streaming (job-1). */
export const STORED: Conversation = {
  id: 'c1',
  title: 'Rivers',
  model: 'gpt-4.1-mini',
  createdAt: 1,
  updatedAt: 2,
  messageCount: 2,
  messages: [
    { id: 'q1', role: 'user', content: 'Which river is longest?', status: 'done', createdAt: 1 },
    { id: 'a1', role: 'assistant', content: 'The Ni', status: 'streaming', createdAt: 2, jobId: 'job-1' },
  ],
};

/** Registers the fakes before each test; returns what the tests read and change. */
export function useChatHarness() {
  const harness = {
    ports: [] as ClientPort[],
    replies: {} as Record<string, (data: unknown) => unknown>,
    messages: [] as { name: string; data: unknown }[],
    /** Renders of the hook since it was mounted. */
    renders: 0,
    async mounted() {
      harness.renders = 0;
      const hook = renderHook(() => {
        harness.renders += 1;
        return useChat('gpt-4o-mini');
      });
      await waitFor(() => expect(hook.result.current.state.loading).toBe(false));
      return hook;
    },
  };

  beforeEach(() => {
    harness.ports.length = 0;
    harness.messages.length = 0;
    for (const name of Object.keys(harness.replies)) delete harness.replies[name];
    Object.assign(harness.replies, {
      chatGet: () => null,
      chatGetDraft: () => ({ text: '' }),
      chatSaveDraft: () => null,
      chatSetCurrent: () => null,
      chatSetModel: () => null,
      overrideBudget: () => null,
    });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (envelope: {
      protocol: string;
      name: string;
      data: unknown;
    }) => {
      expect(envelope.protocol).toBe(PROTOCOL_TAG);
      harness.messages.push({ name: envelope.name, data: envelope.data });
      const reply = harness.replies[envelope.name];
      return reply
        ? { ok: true, data: reply(envelope.data) }
        : { ok: false, error: { code: 'refused', message: 'no', retryable: false } };
    }) as never);
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation((() => {
      const messageListeners: ((event: unknown) => void)[] = [];
      const disconnectListeners: (() => void)[] = [];
      const port: ClientPort = {
        sent: [],
        emit: (event) =>
          act(() => {
            for (const listener of messageListeners) listener(structuredClone(event));
          }),
        drop: () =>
          act(() => {
            for (const listener of disconnectListeners) listener();
          }),
      };
      harness.ports.push(port);
      return {
        name: 'glance:stream',
        postMessage: (event: ClientEvent) => port.sent.push(structuredClone(event)),
        disconnect: () => {},
        onMessage: { addListener: (listener: (event: unknown) => void) => messageListeners.push(listener) },
        onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
      };
    }) as never);
  });
  return harness;
}
