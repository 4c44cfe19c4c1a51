import { useState } from 'preact/hooks';
import { PriceEditor } from '@/components/usage/price-editor';
import { errorStatus, type Status } from '@/utils/ui/status';
import { UsagePanel } from '@/components/usage/panel';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import { updateSettings, type Settings } from '@/utils/settings';
import { saveTextFile } from '@/utils/ui/download';
import { useUsage } from '@/utils/usage/ui/use-usage';

/** Usage, budgets and prices on the settings page. */
export function UsageSection({ settings }: { settings: Settings }) {
  const { overview, refresh } = useUsage();
  const [status, setStatus] = useState<Status | null>(null);
  const fail = (error: unknown) => setStatus(errorStatus(error));

  const saveBudgets = async (patch: Partial<Settings>) => {
    try {
      await updateSettings(patch);
      await refresh();
      setStatus({ kind: 'success', text: t('budgetSaved') });
    } catch (error) {
      fail(error);
    }
  };

  const exportCsv = async () => {
    try {
      const { csv } = await sendMessage('exportUsage', null);
      saveTextFile(`glance-usage-${new Date().toISOString().slice(0, 10)}.csv`, csv, 'text/csv;charset=utf-8');
    } catch (error) {
      fail(error);
    }
  };

  const clear = async () => {
    try {
      await sendMessage('clearUsage', null);
      await refresh();
      setStatus({ kind: 'success', text: t('usageCleared') });
    } catch (error) {
      fail(error);
    }
  };

  const spendAnyway = async () => {
    try {
      await sendMessage('overrideBudget', null);
      setStatus({ kind: 'success', text: t('budgetOverridden') });
    } catch (error) {
      fail(error);
    }
  };

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
      <PriceEditor overrides={settings.priceOverrides} onChange={(priceOverrides) => void saveBudgets({ priceOverrides })} />
    </>
  );
}
