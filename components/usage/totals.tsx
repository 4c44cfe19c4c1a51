import { formatNumber } from '@/utils/locale-format';
import { t, type MessageKey } from '@/utils/i18n';
import { formatCost } from '@/utils/llm/pricing';
import type { UsageSummary, UsageTotals } from '@/utils/usage/totals';

const PERIODS: [keyof Omit<UsageSummary, 'daily'>, MessageKey][] = [
  ['today', 'usageToday'],
  ['last7Days', 'usageLast7'],
  ['last30Days', 'usageLast30'],
  ['allTime', 'usageAllTime'],
];

function Totals({ label, totals, cnyPerUsd }: { label: string; totals: UsageTotals; cnyPerUsd: number }) {
  return (
    <div class="usage-total">
      <h3>{label}</h3>
      <p class="usage-cost">{formatCost(totals.costUsd, cnyPerUsd)}</p>
      <p class="hint">
        {t('usageCalls', { count: totals.calls })} ·{' '}
        {t('usageTokensTotal', { input: formatNumber(totals.promptTokens), output: formatNumber(totals.completionTokens) })}
      </p>
      {totals.unpricedCalls > 0 && <p class="hint warning">{t('usageUnpriced', { count: totals.unpricedCalls })}</p>}
    </div>
  );
}

/** Cost, calls and tokens for today, 7 days, 30 days and all time. */
export function UsageTotalsRow({ summary, cnyPerUsd }: { summary: UsageSummary; cnyPerUsd: number }) {
  return (
    <div class="usage-totals">
      {PERIODS.map(([period, label]) => (
        <Totals key={period} label={t(label)} totals={summary[period]} cnyPerUsd={cnyPerUsd} />
      ))}
    </div>
  );
}
