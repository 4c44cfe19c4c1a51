import { budgetStates } from '@/utils/usage/budget-state';
import { t } from '@/utils/i18n';
import { formatCost } from '@/utils/llm/pricing';
import { shortCost } from '@/utils/money';
import type { Spending } from '@/utils/usage/types';

/**
 * Today's spending in the popup: a short amount ("<$0.01", "$0.082") and, when a daily budget is
 * set, a thin meter of how much of it is used, warning from 80%. The button's name keeps the exact
 * figures ("Today: $0.0000042 of $0.005"), and so does its tooltip; the badge's width stays small
 * enough never to push the popup's other controls out.
 */
export function SpendBadge({ spending, cnyPerUsd, onOpen }: { spending: Spending; cnyPerUsd: number; onOpen(): void }) {
  const state = budgetStates(spending)[0];
  const limit = spending.dailyBudgetUsd;
  const spent = formatCost(spending.todayUsd, cnyPerUsd);
  const exact = limit > 0 ? t('spendTodayOf', { spent, limit: formatCost(limit, cnyPerUsd) }) : t('spendToday', { spent });
  const daily = budgetStates(spending).find((candidate) => candidate.period === 'daily');
  const percent = limit > 0 ? Math.min(100, Math.floor((spending.todayUsd / limit) * 100)) : 0;
  return (
    <span class="spend">
      <button
        type="button"
        class={`spend-badge ${state ? `spend-${state.level}` : ''}`}
        aria-label={exact}
        title={`${exact}\n${t('spendLabel')}`}
        onClick={onOpen}
      >
        {t('spendToday', { spent: shortCost(spending.todayUsd, cnyPerUsd) })}
      </button>
      {limit > 0 && (
        <meter
          class={`spend-meter ${daily ? `spend-${daily.level}` : ''}`}
          aria-label={t('spendMeterLabel')}
          aria-valuetext={t('spendMeterText', { percent })}
          min={0}
          max={100}
          value={percent}
        />
      )}
    </span>
  );
}
