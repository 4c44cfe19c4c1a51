// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ChatLog } from '@/components/chat/log';
import type { ChatMessageActions } from '@/components/chat/message';
import type { ChatMessage } from '@/utils/chat/types';
import { setLocale } from '@/utils/i18n';

setLocale('en');

const actions = (): ChatMessageActions => ({
  onCopy: vi.fn(),
  onCopyCode: vi.fn(),
  onRegenerate: vi.fn(),
  onOverride: vi.fn(),
  onOpenSettings: vi.fn(),
  onConnect: vi.fn(),
});
const question: ChatMessage = { id: 'q1', role: 'user', content: 'What is a monad?', status: 'done', createdAt: 1_000 };
const failure = (code: 'invalid_key' | 'missing_key' | 'context_too_long'): ChatMessage => ({
  id: 'a1',
  role: 'assistant',
  content: '',
  status: 'error',
  createdAt: 1_000,
  endedAt: 1_200,
  error: { code, message: `Failed: ${code}`, retryable: false },
});

function show(messages: ChatMessage[], connectionSavedAt: number, handlers = actions()) {
  const view = render(
    <ChatLog messages={messages} streamingId={null} cnyPerUsd={0} actions={handlers} connectionSavedAt={connectionSavedAt} />,
  );
  return { ...view, handlers };
}

describe('a failed question after the connection is fixed', () => {
  it('offers the way to the fix until the connection is saved, then Resend, which asks the same question again', () => {
    const handlers = actions();
    const { rerender } = show([question, failure('invalid_key')], 0, handlers);
    expect(screen.queryByRole('button', { name: 'Resend' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Open settings' })).toBeTruthy();
    // The question stays in the conversation whatever happens.
    expect(screen.getByText('What is a monad?')).toBeTruthy();

    rerender(
      <ChatLog
        messages={[question, failure('invalid_key')]}
        streamingId={null}
        cnyPerUsd={0}
        actions={handlers}
        connectionSavedAt={5_000}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Open settings' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Resend' }));
    expect(handlers.onRegenerate).toHaveBeenCalledWith('a1');
    expect(handlers.onRegenerate).toHaveBeenCalledTimes(1);
  });

  it('offers Resend instead of "Connect your API key" once a key was connected', () => {
    show([question, failure('missing_key')], 5_000);
    expect(screen.getByRole('button', { name: 'Resend' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Connect your API key' })).toBeNull();
  });

  it('does not offer Resend for a failure a new connection cannot fix', () => {
    show([question, failure('context_too_long')], 5_000);
    expect(screen.queryByRole('button', { name: 'Resend' })).toBeNull();
  });

  it('offers it on the last answer only', () => {
    const later = [question, failure('invalid_key'), { ...question, id: 'q2' }, { ...failure('context_too_long'), id: 'a2' }];
    show(later, 5_000);
    expect(screen.queryByRole('button', { name: 'Resend' })).toBeNull();
  });
});

describe('an empty conversation', () => {
  it('offers the starters it is given, and none once it has messages', () => {
    const onStart = vi.fn();
    const starters = (
      <button type="button" onClick={onStart}>
        Summarize this page
      </button>
    );
    const { rerender } = render(
      <ChatLog messages={[]} streamingId={null} cnyPerUsd={0} actions={actions()} starters={starters} />,
    );
    const group = screen.getByRole('group', { name: 'Start with' });
    fireEvent.click(within(group).getByRole('button', { name: 'Summarize this page' }));
    expect(onStart).toHaveBeenCalledTimes(1);
    rerender(<ChatLog messages={[question]} streamingId={null} cnyPerUsd={0} actions={actions()} starters={starters} />);
    expect(screen.queryByRole('group', { name: 'Start with' })).toBeNull();
  });
});
