// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BudgetWarnings } from '@/components/usage/budget-warnings';
import { setLocale } from '@/utils/i18n';

beforeEach(() => setLocale('en'));

describe('BudgetWarnings', () => {
  it('offers "Spend anyway" on the usage page once a limit is reached, and only then', () => {
    const onOverride = vi.fn();
    const warning = { period: 'daily', spent: 0.85, limit: 1, percent: 85, level: 'warning' } as const;
    const { rerender } = render(<BudgetWarnings states={[warning]} cnyPerUsd={0} onOverride={onOverride} />);
    expect(screen.queryByRole('button', { name: 'Spend anyway' })).toBeNull();
    rerender(
      <BudgetWarnings
        states={[{ ...warning, spent: 1.2, percent: 120, level: 'exceeded' }]}
        cnyPerUsd={0}
        onOverride={onOverride}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Spend anyway' }));
    expect(onOverride).toHaveBeenCalledTimes(1);
  });
});
