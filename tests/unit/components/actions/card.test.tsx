// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ActionCard, type ActionCardProps } from '@/components/actions/card';
import { setLocale } from '@/utils/i18n';

function card(props: Partial<ActionCardProps> = {}) {
  const handlers = {
    onQuestionChange: vi.fn(),
    onSend: vi.fn(),
    onCopy: vi.fn(),
    onCopyCode: vi.fn(),
    onReplace: vi.fn(),
    onRetry: vi.fn(),
    onOpenGlance: vi.fn(),
    onOpenSettings: vi.fn(),
    onClose: vi.fn(),
  };
  render(
    <ActionCard
      name="Explain"
      markdown="It **means** this."
      status="done"
      canReplace={false}
      copied={false}
      replaced={false}
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

beforeEach(() => setLocale('en'));

describe('ActionCard', () => {
  it('is a dialog named after the action with Copy, Retry and Close; Replace only when offered', () => {
    const handlers = card();
    expect(screen.getByRole('dialog', { name: 'Explain' })).toBeTruthy();
    expect(screen.getByRole('dialog').querySelector('strong')?.textContent).toBe('means');
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(handlers.onCopy).toHaveBeenCalledTimes(1);
    expect(handlers.onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Replace' })).toBeNull();
  });

  it('offers Replace once the answer is complete', () => {
    const handlers = card({ name: 'Fix grammar', canReplace: true });
    fireEvent.click(screen.getByRole('button', { name: 'Replace' }));
    expect(handlers.onReplace).toHaveBeenCalledTimes(1);
  });

  it('shows Ask’s question box, sending what is typed', () => {
    const handlers = card({ name: 'Ask', markdown: '', status: 'idle', question: 'Why green?' });
    const box = screen.getByRole('textbox', { name: 'Question' }) as HTMLTextAreaElement;
    expect(box.value).toBe('Why green?');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(handlers.onSend).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Copy' })).toBeNull();
  });

  it('says the budget holds the call in its own words, with no money, and opens Glance', () => {
    const handlers = card({
      markdown: '',
      status: 'error',
      error: { code: 'budget_exceeded', message: 'Spent $1.23 of $1.00 today', retryable: false },
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).not.toMatch(/\$/);
    fireEvent.click(screen.getByRole('button', { name: 'Open Glance' }));
    expect(handlers.onOpenGlance).toHaveBeenCalledTimes(1);
  });
});
