import { useState } from 'preact/hooks';
import { PriceEditor } from '@/components/usage/price-editor';
import { errorStatus, type Status } from '@/utils/ui/status';
import { UsagePanel } from '@/components/usage/panel';
import { t, type MessageKey } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import { updateSettings, type Settings } from '@/utils/settings';
import { saveTextFile } from '@/utils/ui/download';
import { useUsage } from '@/utils/usage/ui/use-usage';

/** Usage, budgets and (under Advanced) prices on the settings page. */
export function UsageSection({ settings }: { settings: Settings }) {
  const { overview, refresh } = useUsage();
  const [status, setStatus] = useState<Status | null>(null);
  /** Runs one of the section's actions; its failure, or its success when it has a message, goes to the status line. */
  const attempt = async (work: () => Promise<unknown>, success?: MessageKey) => {
    try {
      await work();
      if (success) setStatus({ kind: 'success', text: t(success) });
    } catch (error) {
      setStatus(errorStatus(error));
    }
  };
  const saveBudgets = (patch: Partial<Settings>) =>
    attempt(async () => {
      await updateSettings(patch);
      await refresh();
    }, 'budgetSaved');
  const exportCsv = () =>
    attempt(async () => {
      const { csv } = await sendMessage('exportUsage', null);
      saveTextFile(`glance-usage-${new Date().toISOString().slice(0, 10)}.csv`, csv, 'text/csv;charset=utf-8');
    });
  const clear = () =>
    attempt(async () => {
      await sendMessage('clearUsage', null);
      await refresh();
    }, 'usageCleared');
  const spendAnyway = () => attempt(() => sendMessage('overrideBudget', null), 'budgetOverridden');

  return (
    <>
      <UsagePanel
        overview={overview}
        cnyPerUsd={settings.cnyPerUsd}
        status={status}
        onBudgets={(patch) => void saveBudgets(patch)}
        onExport={() => void exportCsv()}
        onClear={() => void clear()}
        onOverride={() => void spendAnyway()}
      />
      {/* Prices are right for most people as shipped: they wait behind a disclosure. */}
      <details class="advanced">
        <summary>{t('pricesAdvanced')}</summary>
        <PriceEditor overrides={settings.priceOverrides} onChange={(priceOverrides) => void saveBudgets({ priceOverrides })} />
      </details>
    </>
  );
}
