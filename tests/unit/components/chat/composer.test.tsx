// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { ChatComposer, estimateLine, type ChatComposerProps } from '@/components/chat/composer';
import type { ChatEstimate } from '@/utils/chat/types';
import { setLocale } from '@/utils/i18n';
import type { EstimateState } from '@/utils/chat/ui/use-chat-estimate';

setLocale('en');

const estimate = (overrides: Partial<ChatEstimate> = {}): ChatEstimate => ({
  model: 'gpt-4o-mini',
  promptTokens: 1234,
  exact: true,
  costUsd: 0.00019,
  messageTokens: 10,
  historyIncluded: 4,
  historyTotal: 6,
  historyTokens: 1100,
  inputLimit: 123_904,
  fits: true,
  ...overrides,
});
const state = (overrides: Partial<EstimateState> = {}): EstimateState => ({
  estimate: estimate(),
  counting: false,
  tooManyChars: false,
  error: null,
  ...overrides,
});

function Harness(props: Partial<ChatComposerProps> & { initial?: string }) {
  const [draft, setDraft] = useState(props.initial ?? '');
  return (
    <ChatComposer
      draft={draft}
      streaming={false}
      estimate={state()}
      cnyPerUsd={0}
      onDraft={setDraft}
      onSend={vi.fn()}
      onStop={vi.fn()}
      {...props}
    />
  );
}

const box = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });

describe('ChatComposer', () => {
  it('is focused when it appears', () => {
    render(<Harness />);
    expect(document.activeElement).toBe(box());
  });

  it('sends on Enter and not on Shift+Enter', () => {
    const onSend = vi.fn();
    render(<Harness initial="Hello" onSend={onSend} />);
    fireEvent.keyDown(box(), { key: 'Enter', shiftKey: true, keyCode: 13 });
    expect(onSend).not.toHaveBeenCalled();
    const enter = fireEvent.keyDown(box(), { key: 'Enter', keyCode: 13 });
    expect(onSend).toHaveBeenCalledTimes(1);
    expect(enter).toBe(false); // the Enter did not also insert a line
  });

  it('never sends while an input method is composing, whichever way the browser reports it', () => {
    const onSend = vi.fn();
    render(<Harness initial="ni" onSend={onSend} />);
    // Dispatched by hand: @testing-library/preact fires `CompositionStart` (Preact 10 casing); Preact 11 listens to `compositionstart`.
    box().dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    fireEvent.keyDown(box(), { key: 'Enter', keyCode: 13 });
    fireEvent.keyDown(box(), { key: 'Enter', keyCode: 229, isComposing: true });
    box().dispatchEvent(new CompositionEvent('compositionend', { bubbles: true }));
    // Safari reports the committing Enter after compositionend, with keyCode 229.
    fireEvent.keyDown(box(), { key: 'Enter', keyCode: 229 });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(box(), { key: 'Enter', keyCode: 13 });
    expect(onSend).toHaveBeenCalledTimes(1);
  });

  it('keeps an Enter pressed while the conversation loads and sends once it has loaded, once', () => {
    const onSend = vi.fn();
    const { rerender } = render(<Harness initial="Early question" disabled onSend={onSend} />);
    fireEvent.keyDown(box(), { key: 'Enter', keyCode: 13 });
    expect(onSend).not.toHaveBeenCalled();
    expect(box().value).toBe('Early question');
    rerender(<Harness initial="Early question" disabled={false} onSend={onSend} />);
    expect(onSend).toHaveBeenCalledTimes(1);
    rerender(<Harness initial="Early question" disabled onSend={onSend} />);
    rerender(<Harness initial="Early question" disabled={false} onSend={onSend} />);
    expect(onSend).toHaveBeenCalledTimes(1);
  });

  it('does not send an empty or blank message', () => {
    const onSend = vi.fn();
    render(<Harness initial={'  \n '} onSend={onSend} />);
    fireEvent.keyDown(box(), { key: 'Enter', keyCode: 13 });
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Send' }).disabled).toBe(true);
  });

  it('shows the cost of the next request before it is sent, history included', () => {
    render(<Harness initial="Next question" />);
    expect(
      screen.getByText('Next request: 1,234 tokens · $0.00019 + the answer; resends 4 of 6 earlier messages (1,100 tokens)'),
    ).toBeTruthy();
    expect(box().getAttribute('aria-describedby')).toBe('chat-estimate');
  });

  it('refuses a message over the model window or the character limit, keeping what was typed', () => {
    const onSend = vi.fn();
    const { rerender } = render(
      <Harness
        initial="huge"
        onSend={onSend}
        estimate={state({ estimate: estimate({ fits: false, messageTokens: 262_144 }) })}
      />,
    );
    expect(screen.getByText('This message is 262,144 tokens; gpt-4o-mini reads at most 123,904. Shorten it.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Send' }).disabled).toBe(true);
    fireEvent.keyDown(box(), { key: 'Enter', keyCode: 13 });
    expect(onSend).not.toHaveBeenCalled();
    expect(box().value).toBe('huge');

    rerender(<Harness initial="huge" onSend={onSend} estimate={state({ estimate: null, tooManyChars: true })} />);
    expect(screen.getByText(/characters; at most 1,500,000 can be sent/)).toBeTruthy();
  });

  it('offers Stop instead of Send while an answer streams; Enter then keeps the draft', () => {
    const onStop = vi.fn();
    const onSend = vi.fn();
    render(<Harness initial="follow-up" streaming onStop={onStop} onSend={onSend} />);
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(onStop).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(box(), { key: 'Enter', keyCode: 13 });
    expect(onSend).not.toHaveBeenCalled();
    expect(box().value).toBe('follow-up');
  });
});

describe('estimateLine', () => {
  it('marks estimates for non-OpenAI models, and says when a model has no price', () => {
    expect(estimateLine(state({ estimate: estimate({ exact: false, costUsd: null, historyTotal: 0 }) }), 5, 0).text).toBe(
      'Next request: about 1,234 tokens (estimated) · no price + the answer',
    );
  });

  it('says when no earlier message fits the history budget', () => {
    expect(estimateLine(state({ estimate: estimate({ historyIncluded: 0 }) }), 5, 0).text).toMatch(
      /; no earlier messages resent$/,
    );
  });

  it('shows yuan too when the user set a rate', () => {
    expect(estimateLine(state(), 5, 7.2).text).toContain('$0.00019 (¥0.0014)');
  });

  it('says it is counting before the first count arrives', () => {
    expect(estimateLine(state({ estimate: null, counting: true }), 5, 0).text).toBe('Counting tokens…');
  });
});
