// @vitest-environment jsdom
import { render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SpendBadge } from '@/components/usage/spend-badge';
import { setLocale } from '@/utils/i18n';

const spending = (todayUsd: number, dailyBudgetUsd = 0) => ({
  todayUsd,
  monthUsd: todayUsd,
  dailyBudgetUsd,
  monthlyBudgetUsd: 0,
});

afterEach(() => setLocale('en'));

describe('SpendBadge', () => {
  it('shows a short amount and keeps the exact one in its name and tooltip', () => {
    setLocale('en');
    const open = vi.fn();
    render(<SpendBadge spending={spending(0.0000042)} cnyPerUsd={0} onOpen={open} />);
    const button = screen.getByRole('button', { name: 'Today: $0.0000042' });
    expect(button.textContent).toBe('Today: <$0.01');
    expect(button.title).toContain('Today: $0.0000042');
    expect(document.querySelector('meter')).toBeNull();
    button.click();
    expect(open).toHaveBeenCalledOnce();
  });

  it('shows how much of the daily budget is used on a named meter, marked from 80%', () => {
    setLocale('en');
    render(<SpendBadge spending={spending(0.0082, 0.01)} cnyPerUsd={0} onOpen={() => {}} />);
    const button = screen.getByRole('button', { name: 'Today: $0.0082 of $0.01' });
    expect(button.className).toContain('spend-warning');
    // jsdom's role table lacks <meter>; the e2e test finds it by role in Chromium.
    const meter = document.querySelector('meter')!;
    expect(meter.getAttribute('aria-label')).toBe('Daily budget used');
    expect(meter.value).toBe(82);
    expect(meter.getAttribute('aria-valuetext')).toBe('82% of the daily budget');
  });

  it('fills the meter, and no further, once the budget is spent', () => {
    setLocale('zh-CN');
    render(<SpendBadge spending={spending(0.5, 0.2)} cnyPerUsd={0} onOpen={() => {}} />);
    expect(screen.getByRole('button').className).toContain('spend-exceeded');
    const meter = document.querySelector('meter')!;
    expect(meter.getAttribute('aria-label')).toBe('今日预算已用');
    expect(meter.value).toBe(100);
    expect(meter.className).toContain('spend-exceeded');
  });
});
