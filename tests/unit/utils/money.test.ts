import { describe, expect, it } from 'vitest';
import { budgetStates } from '@/utils/usage/budget-state';
import { amountText, parseAmount } from '@/utils/money';

describe('parseAmount', () => {
  it.each([
    ['0.5', 0.5],
    ['$0.50', 0.5],
    [' 2 ', 2],
    ['0,5', 0.5],
    ['.25', 0.25],
    ['3.', 3],
    ['', 0],
    ['0.000001', 0.000001],
  ])('%j → %s', (text, value) => expect(parseAmount(text)).toBe(value));

  it.each(['-1', 'abc', '1e3', '1.2.3', '1,000.50', 'Infinity', '¥-5'])('refuses %j', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });

  it('shows zero as empty and keeps small amounts exact', () => {
    expect(amountText(0)).toBe('');
    expect(amountText(0.000001)).toBe('0.000001');
    expect(amountText(0.1 + 0.2)).toBe('0.3');
  });
});

describe('budgetStates', () => {
  const spending = { todayUsd: 0, monthUsd: 0, dailyBudgetUsd: 0, monthlyBudgetUsd: 0 };
  it('is quiet below 80% and without limits', () => {
    expect(budgetStates({ ...spending, todayUsd: 100 })).toEqual([]);
    expect(budgetStates({ ...spending, todayUsd: 0.79, dailyBudgetUsd: 1 })).toEqual([]);
  });

  it('warns from 80% and marks the limit reached at 100%', () => {
    expect(budgetStates({ ...spending, todayUsd: 0.8, dailyBudgetUsd: 1 })).toEqual([
      { period: 'daily', spent: 0.8, limit: 1, percent: 80, level: 'warning' },
    ]);
    expect(budgetStates({ ...spending, todayUsd: 1, monthUsd: 9, dailyBudgetUsd: 1, monthlyBudgetUsd: 10 })).toEqual([
      { period: 'daily', spent: 1, limit: 1, percent: 100, level: 'exceeded' },
      { period: 'monthly', spent: 9, limit: 10, percent: 90, level: 'warning' },
    ]);
  });
});
