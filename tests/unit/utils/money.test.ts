import { describe, expect, it } from 'vitest';
import { budgetStates } from '@/utils/usage/budget-state';
import { amountText, parseAmount, shortCost } from '@/utils/money';

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

describe('shortCost (the popup’s spend badge)', () => {
  it.each([
    [0, '$0'],
    [0.0000042, '<$0.01'],
    [0.0082, '<$0.01'],
    [0.01, '$0.01'],
    [0.0123, '$0.012'],
    [0.082, '$0.082'],
    [0.5, '$0.5'],
    [1.234, '$1.2'],
    [9.96, '$10'],
    [123.4, '$123'],
  ])('%s USD → %s', (usd, text) => expect(shortCost(usd)).toBe(text));

  it('shows yuan when the user set a rate, with the same rules', () => {
    expect(shortCost(0.0001, 7.2)).toBe('<¥0.01');
    expect(shortCost(0.5, 7.2)).toBe('¥3.6');
  });

  it('never uses more than two significant digits below ten', () => {
    for (let usd = 0.01; usd < 10; usd *= 1.37) {
      const digits = shortCost(usd)
        .replace(/^\$0?\.?0*/, '')
        .replace('.', '');
      expect(digits.length, String(usd)).toBeLessThanOrEqual(2);
    }
  });
});
