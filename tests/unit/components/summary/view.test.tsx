// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SummarySettings } from '@/components/summary/settings';
import { SummaryView, type SummaryViewProps } from '@/components/summary/view';
import { setLocale } from '@/utils/i18n';
import type { PageInspection } from '@/utils/summary/types';

const inspection: PageInspection = {
  page: {
    url: 'https://a.example/',
    title: 'Long read',
    source: 'article',
    hasSelection: false,
    lang: 'en',
    tokens: 152_340,
    exactTokens: true,
    truncated: false,
  },
  estimate: {
    model: 'gpt-4o',
    sections: 12,
    requests: 13,
    inputTokens: 155_000,
    outputTokens: 3000,
    costUsd: 0.4175,
    needsConfirm: true,
  },
  stored: null,
  runningJobId: null,
};

function view(props: Partial<SummaryViewProps>) {
  const handlers = {
    onSummarize: vi.fn(),
    onRegenerate: vi.fn(),
    onConfirm: vi.fn(),
    onCancel: vi.fn(),
    onStop: vi.fn(),
    onRetry: vi.fn(),
    onOverride: vi.fn(),
    onOpenSettings: vi.fn(),
    onCopy: vi.fn(),
  };
  render(
    <SummaryView
      phase="ready"
      inspection={inspection}
      text=""
      progress={null}
      usage={null}
      error={null}
      cachedAt={null}
      cnyPerUsd={0}
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

describe('SummaryView', () => {
  it('shows the page and the estimate before anything is spent', () => {
    setLocale('en');
    const handlers = view({});
    expect(screen.getByText('Article · 152,340 tokens')).toBeTruthy();
    expect(screen.getByText('Estimated: 155,000 tokens in, 3,000 out · ≈$0.42')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Summarize page' }));
    expect(handlers.onSummarize).toHaveBeenCalled();
  });

  it('asks to confirm above the threshold, with the tokens and cost', () => {
    setLocale('en');
    const handlers = view({ phase: 'confirming' });
    expect(screen.getByRole('group', { name: 'Summarize anyway' }).textContent).toContain(
      'summarizing it in 12 sections takes 13 requests, about 155,000 tokens in and 3,000 out, estimated ≈$0.42',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Summarize anyway' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(handlers.onConfirm).toHaveBeenCalled();
    expect(handlers.onCancel).toHaveBeenCalled();
  });

  it('shows progress by sections while running, and the summary in a region named Summary', () => {
    setLocale('en');
    const handlers = view({ phase: 'running', progress: { done: 3, total: 12 }, text: '**TL;DR:** so far' });
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuetext')).toBe('3 of 12 sections');
    expect(bar.getAttribute('aria-valuenow')).toBe('3');
    expect(screen.getByRole('region', { name: 'Summary' }).textContent).toContain('TL;DR: so far');
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(handlers.onStop).toHaveBeenCalled();
  });

  it("shows each finished part's notes, folded but the newest, until the combined summary streams", () => {
    setLocale('en');
    // In the order they finished: part 3 last.
    const parts = [
      { index: 0, text: '- first part note' },
      { index: 2, text: '- third part note' },
    ];
    view({ phase: 'running', progress: { done: 2, total: 12 }, parts });
    const notes = screen.getByRole('region', { name: 'Notes on each section' });
    const folds = notes.querySelectorAll('details');
    expect([...folds].map((fold) => fold.querySelector('.part-label')!.textContent)).toEqual([
      'Section 1 of 12',
      'Section 3 of 12',
    ]);
    expect([...folds].map((fold) => fold.open)).toEqual([false, true]);
    expect(folds[0]!.textContent).toContain('first part note');
  });

  it('hides the notes once the summary streams, and the estimate once it is done', () => {
    setLocale('en');
    const parts = [{ index: 0, text: '- first part note' }];
    view({ phase: 'running', progress: { done: 12, total: 12 }, parts, text: '**TL;DR:** all' });
    expect(screen.queryByRole('region', { name: 'Notes on each section' })).toBeNull();
    expect(screen.getByText(/^Estimated:/)).toBeTruthy();
    document.body.innerHTML = '';
    view({ phase: 'done', text: '**TL;DR:** all' });
    expect(screen.queryByText(/^Estimated:/)).toBeNull();
    expect(screen.getByText('Article · 152,340 tokens')).toBeTruthy();
  });

  it('makes the page or selection choice explicit when something is selected, and names the button after it', () => {
    setLocale('en');
    const onChooseWholePage = vi.fn();
    const selected = { ...inspection, page: { ...inspection.page, source: 'selection' as const, hasSelection: true } };
    view({ inspection: selected, onChooseWholePage });
    const choice = screen.getByRole('group', { name: 'Summarize' });
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Selection' }).checked).toBe(true);
    expect(screen.getByRole('button', { name: 'Summarize selection' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Summarize page' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Whole page' }));
    expect(onChooseWholePage).toHaveBeenCalledWith(true);
    expect(choice).toBeTruthy();

    document.body.innerHTML = '';
    const whole = { ...inspection, page: { ...inspection.page, hasSelection: true } };
    view({ inspection: whole, wholePage: true, onChooseWholePage });
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Whole page' }).checked).toBe(true);
    expect(screen.getByRole('button', { name: 'Summarize page' })).toBeTruthy();
  });

  it('offers no choice when nothing is selected', () => {
    setLocale('en');
    view({ onChooseWholePage: vi.fn() });
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByRole('button', { name: 'Summarize page' })).toBeTruthy();
  });

  it('a stored summary says it cost nothing now and offers Regenerate; errors say what to do', () => {
    setLocale('en');
    const handlers = view({ phase: 'done', text: 'Stored.', cachedAt: Date.UTC(2025, 0, 2) });
    expect(screen.getByText(/^Saved summary from .*: shown without spending anything\.$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Regenerate' }));
    expect(handlers.onRegenerate).toHaveBeenCalled();
  });

  it('speaks Chinese to a Chinese reader', () => {
    setLocale('zh-CN');
    view({ phase: 'running', progress: { done: 2, total: 5 } });
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('已完成 2 / 5 个部分');
    expect(screen.getByRole('button', { name: '停止' })).toBeTruthy();
    setLocale('en');
  });
});

describe('SummarySettings', () => {
  it('saves valid numbers and keeps an invalid one in the box with a message', () => {
    setLocale('en');
    const onChange = vi.fn();
    render(
      <SummarySettings
        summaryLanguage="auto"
        summaryConfirmAboveUsd={0.05}
        summaryMaxInput={0}
        summaryConcurrency={4}
        onChange={onChange}
      />,
    );
    const concurrency = screen.getByRole('textbox', { name: 'Sections summarized at once' }) as HTMLInputElement;
    fireEvent.input(concurrency, { target: { value: '2' } });
    expect(onChange).toHaveBeenLastCalledWith({ summaryConcurrency: 2 });
    fireEvent.input(concurrency, { target: { value: '12' } });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(concurrency.value).toBe('12');
    expect(screen.getByRole('alert').textContent).toBe('Enter a number from 1 to 8. Not saved.');
    fireEvent.change(screen.getByRole('combobox', { name: 'Summary language' }), { target: { value: 'zh-CN' } });
    expect(onChange).toHaveBeenLastCalledWith({ summaryLanguage: 'zh-CN' });
  });
});
