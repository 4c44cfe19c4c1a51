import { budgetStates } from '@/utils/usage/budget-state';
import { t } from '@/utils/i18n';
import { formatCost } from '@/utils/llm/pricing';
import type { Spending } from '@/utils/usage/types';

/** Today's spending in the popup, against the daily budget when one is set; warns from 80%. */
export function SpendBadge({ spending, cnyPerUsd, onOpen }: { spending: Spending; cnyPerUsd: number; onOpen(): void }) {
  const state = budgetStates(spending)[0];
  const spent = formatCost(spending.todayUsd, cnyPerUsd);
  const text =
    spending.dailyBudgetUsd > 0
      ? t('spendTodayOf', { spent, limit: formatCost(spending.dailyBudgetUsd, cnyPerUsd) })
      : t('spendToday', { spent });
  return (
    <button type="button" class={`spend-badge ${state ? `spend-${state.level}` : ''}`} title={t('spendLabel')} onClick={onOpen}>
      {text}
    </button>
  );
}
