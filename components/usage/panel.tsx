import { useState } from 'preact/hooks';
import { budgetStates } from '@/utils/usage/budget-state';
import { t } from '@/utils/i18n';
import type { UsageOverview } from '@/utils/usage/types';
import { BudgetWarnings } from './budget-warnings';
import { MoneyInput } from './money-input';
import { RecentCalls } from './recent-calls';
import type { Status } from '@/utils/ui/status';
import { UsageChart } from './chart';
import { UsageTotalsRow } from './totals';

export interface UsagePanelProps {
  overview: UsageOverview | undefined;
  cnyPerUsd: number;
  status: Status | null;
  onBudgets(patch: { dailyBudgetUsd?: number; monthlyBudgetUsd?: number; cnyPerUsd?: number }): void;
  onExport(): void;
  onClear(): void;
  /** "Spend anyway": lets held calls through for an hour. */
  onOverride(): void;
}

/** The Usage section: totals, budgets, the daily chart, recent calls, export and clear. */
export function UsagePanel({ overview, cnyPerUsd, status, onBudgets, onExport, onClear, onOverride }: UsagePanelProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <section class="card" aria-labelledby="usage-heading">
      <h2 id="usage-heading">{t('usageHeading')}</h2>
      {overview && (
        <>
          <UsageTotalsRow summary={overview.summary} cnyPerUsd={cnyPerUsd} />
          <BudgetWarnings states={budgetStates(overview.spending)} cnyPerUsd={cnyPerUsd} onOverride={onOverride} />
        </>
      )}

      <h3>{t('budgetsHeading')}</h3>
      <div class="row wrap">
        {(
          [
            ['daily-budget', 'dailyBudget', 'dailyBudgetUsd', overview?.spending.dailyBudgetUsd ?? 0],
            ['monthly-budget', 'monthlyBudget', 'monthlyBudgetUsd', overview?.spending.monthlyBudgetUsd ?? 0],
            ['cny-rate', 'cnyRate', 'cnyPerUsd', cnyPerUsd],
          ] as const
        ).map(([id, label, key, value]) => (
          <MoneyInput
            key={id}
            id={id}
            label={t(label)}
            value={value}
            invalidMessage={t('budgetInvalid')}
            onCommit={(amount) => onBudgets({ [key]: amount })}
          />
        ))}
      </div>
      <p class="hint">
        {t('budgetHint')} {t('cnyRateHint')}
      </p>

      {overview && <UsageChart daily={overview.summary.daily} cnyPerUsd={cnyPerUsd} />}

      <h3>{t('recentCalls')}</h3>
      {overview && <RecentCalls calls={overview.recent} cnyPerUsd={cnyPerUsd} />}

      <div class="actions">
        <button type="button" onClick={onExport}>
          {t('exportCsv')}
        </button>
        {confirming ? (
          <span class="row">
            <span class="warning">{t('clearUsageQuestion')}</span>
            <button
              type="button"
              class="danger"
              onClick={() => {
                setConfirming(false);
                onClear();
              }}
            >
              {t('clearUsageConfirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('clearUsageCancel')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('clearUsage')}
          </button>
        )}
      </div>
      {/* Announced, but not a second role=status: the settings page keeps one status region. */}
      <p aria-live="polite" class={status ? `status status-${status.kind}` : 'status'}>
        {status?.text}
      </p>
    </section>
  );
}
