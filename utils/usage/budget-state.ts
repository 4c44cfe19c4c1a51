import type { Spending } from '@/utils/usage/types';

/** Where spending stands against one limit. */
export interface BudgetState {
  period: 'daily' | 'monthly';
  spent: number;
  limit: number;
  percent: number;
  /** `warning` from 80%; `exceeded` at 100%, when new calls are held. */
  level: 'warning' | 'exceeded';
}

const WARNING_RATIO = 0.8;

/** The limits that deserve a warning, daily first. Nothing for limits that are off or far away. */
export function budgetStates(spending: Spending): BudgetState[] {
  const states: BudgetState[] = [];
  const check = (period: BudgetState['period'], spent: number, limit: number) => {
    if (limit <= 0 || spent < limit * WARNING_RATIO) return;
    states.push({
      period,
      spent,
      limit,
      percent: Math.floor((spent / limit) * 100),
      level: spent >= limit ? 'exceeded' : 'warning',
    });
  };
  check('daily', spending.todayUsd, spending.dailyBudgetUsd);
  check('monthly', spending.monthUsd, spending.monthlyBudgetUsd);
  return states;
}
