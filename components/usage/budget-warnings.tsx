import type { BudgetState } from '@/utils/usage/budget-state';
import { t } from '@/utils/i18n';
import { formatCost } from '@/utils/llm/pricing';

export interface BudgetWarningsProps {
  states: BudgetState[];
  cnyPerUsd: number;
  /** "Spend anyway", offered while a limit is reached (the translation card sends people here). */
  onOverride?(): void;
}

/** "85% of your daily budget is spent": one line per limit at 80% or more. */
export function BudgetWarnings({ states, cnyPerUsd, onOverride }: BudgetWarningsProps) {
  if (states.length === 0) return null;
  return (
    <div class="budget-warnings">
      {states.map((state) => (
        <p key={state.period} class={state.level === 'exceeded' ? 'status-error' : 'warning'}>
          {t('budgetWarning', {
            percent: state.percent,
            period: t(state.period === 'daily' ? 'budgetPeriodDaily' : 'budgetPeriodMonthly'),
            spent: formatCost(state.spent, cnyPerUsd),
            limit: formatCost(state.limit, cnyPerUsd),
          })}
        </p>
      ))}
      {onOverride && states.some((state) => state.level === 'exceeded') && (
        <button type="button" class="primary" onClick={onOverride}>
          {t('spendAnyway')}
        </button>
      )}
    </div>
  );
}
