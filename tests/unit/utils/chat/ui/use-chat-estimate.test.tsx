// @vitest-environment jsdom
import { render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn(async () => ({ promptTokens: 12 }));
vi.mock('@/utils/messaging', () => ({ sendMessage, wireOf: (error: unknown) => error }));

const { useChatEstimate } = await import('@/utils/chat/ui/use-chat-estimate');

function Probe(props: { saved: boolean; draft: string }) {
  useChatEstimate({ conversationId: 'c1', saved: props.saved, model: 'gpt-4o-mini', draft: props.draft, historyKey: 'h' });
  return null;
}

describe("the composer's estimate requests", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    sendMessage.mockClear();
  });
  afterEach(() => vi.useRealTimers());

  it('asks nothing for a new chat with nothing typed (opening the popup does not load the tokenizer)', async () => {
    const view = render(<Probe saved={false} draft="" />);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sendMessage).not.toHaveBeenCalled();
    view.rerender(<Probe saved={false} draft="Hello" />);
    await vi.advanceTimersByTimeAsync(200);
    expect(sendMessage).toHaveBeenCalledWith('chatEstimate', { conversationId: null, text: 'Hello', model: 'gpt-4o-mini' });
  });

  it('counts a saved conversation with nothing typed: its history is resent with the next message', async () => {
    render(<Probe saved draft="" />);
    await vi.advanceTimersByTimeAsync(200);
    expect(sendMessage).toHaveBeenCalledWith('chatEstimate', { conversationId: 'c1', text: '', model: 'gpt-4o-mini' });
  });
});
