// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TranslationCard, type TranslationCardProps } from '@/components/translate/card';
import { setLocale } from '@/utils/i18n';

function card(props: Partial<TranslationCardProps> = {}) {
  const handlers = {
    onTargetChange: vi.fn(),
    onCopy: vi.fn(),
    onCopyCode: vi.fn(),
    onReplace: vi.fn(),
    onRetry: vi.fn(),
    onResume: vi.fn(),
    onOpenGlance: vi.fn(),
    onOpenSettings: vi.fn(),
    onTurnOnButton: vi.fn(),
    onClose: vi.fn(),
  };
  render(
    <TranslationCard
      source="en"
      target="zh-CN"
      markdown="译文**加粗**"
      status="done"
      canReplace={false}
      copied={false}
      replaced={false}
      offerButton={false}
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

beforeEach(() => setLocale('en'));

describe('TranslationCard', () => {
  it('is a dialog named "Translation" with Copy, Translate again (not Retry: it worked) and Close, and the language switch', () => {
    const handlers = card();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Translation' })).toBeTruthy();
    expect(screen.getByText('From English')).toBeTruthy();
    expect(screen.getByText('加粗').tagName).toBe('STRONG');
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    fireEvent.click(screen.getByRole('button', { name: 'Translate again' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Translate into' }), { target: { value: 'ja' } });
    expect(handlers.onCopy).toHaveBeenCalled();
    expect(handlers.onRetry).toHaveBeenCalled();
    expect(handlers.onClose).toHaveBeenCalled();
    expect(handlers.onTargetChange).toHaveBeenCalledWith('ja');
    expect(screen.queryByRole('button', { name: 'Replace' })).toBeNull();
  });

  it('offers Replace only for editable selections, once the translation is complete', () => {
    card({ canReplace: true, status: 'working' });
    const replace = screen.getByRole('button', { name: 'Replace' }) as HTMLButtonElement;
    expect(replace.disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Translating…');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('shows progress over several parts, and a model answer as sanitized Markdown', () => {
    card({ status: 'working', progress: { done: 2, total: 5 }, markdown: '<img src=x onerror=alert(1)>text' });
    expect(screen.getByRole('status').textContent).toBe('Translating… 2 of 5 parts done');
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('dialog').textContent).toContain('<img src=x onerror=alert(1)>text');
  });

  it('shows errors with the action that helps: Retry resumes', () => {
    const handlers = card({ status: 'error', error: { code: 'network', message: 'Could not reach the host.', retryable: true } });
    expect(screen.getByRole('alert').textContent).toContain('Could not reach the host.');
    const retries = screen.getAllByRole('button', { name: 'Retry' });
    expect(retries).toHaveLength(1);
    fireEvent.click(retries[0]!);
    expect(handlers.onResume).toHaveBeenCalled();
    expect(handlers.onRetry).not.toHaveBeenCalled();
  });

  it('when the budget holds the call, offers to open Glance (no "Spend anyway" in a page) and Retry', () => {
    const message = 'You have spent $0.51 of your daily budget of $0.50. Glance is holding this request.';
    const handlers = card({ status: 'error', markdown: '', error: { code: 'budget_exceeded', message, retryable: false } });
    expect(screen.queryByRole('button', { name: 'Spend anyway' })).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('Your budget is holding this translation.');
    // The page can read the card back: no spending, no limit.
    expect(screen.getByRole('dialog').textContent).not.toMatch(/\$|0\.5/);
    fireEvent.click(screen.getByRole('button', { name: 'Open Glance' }));
    expect(handlers.onOpenGlance).toHaveBeenCalled();
    const retries = screen.getAllByRole('button', { name: 'Retry' });
    expect(retries).toHaveLength(1);
    fireEvent.click(retries[0]!);
    expect(handlers.onResume).toHaveBeenCalled();
  });

  it('does not offer Retry for a text over the limit', () => {
    card({
      status: 'error',
      markdown: '',
      error: { code: 'too_large', message: 'The text is too large (200,000 characters; the limit is 50,000).', retryable: false },
    });
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('offers to turn on the selection button when it is not active on the page', () => {
    const handlers = card({ offerButton: true });
    fireEvent.click(screen.getByRole('button', { name: 'Turn it on' }));
    expect(handlers.onTurnOnButton).toHaveBeenCalled();
  });

  it('speaks Chinese when the interface does', () => {
    setLocale('zh-CN');
    card({ canReplace: true });
    expect(screen.getByRole('dialog', { name: '翻译结果' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '复制' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '替换' })).toBeTruthy();
  });
});
