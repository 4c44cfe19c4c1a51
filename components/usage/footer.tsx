import { formatNumber } from '@/utils/locale-format';
import { t } from '@/utils/i18n';
import { formatCost } from '@/utils/llm/pricing';
import type { UsageReport } from '@/utils/llm/usage-report';

/**
 * Tokens in and out and the cost of one answer; estimates are marked as such, and an answer whose
 * cost the ledger could not save (storage full) says so: budgets do not count it.
 */
export function UsageFooter({ usage, cnyPerUsd = 0 }: { usage: UsageReport; cnyPerUsd?: number }) {
  const number = (n: number) => formatNumber(n);
  const parts = [t('usageTokens', { input: number(usage.promptTokens), output: number(usage.completionTokens) })];
  if (usage.cachedTokens) parts.push(t('usageCached', { cached: number(usage.cachedTokens) }));
  if (usage.reasoningTokens) parts.push(t('usageReasoning', { reasoning: number(usage.reasoningTokens) }));
  parts.push(usage.costUsd === null ? t('noPrice') : formatCost(usage.costUsd, cnyPerUsd));
  return (
    <>
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: tests find the footer by this label (getByLabel('Usage of this answer')); a role that allows a name (e.g. note) would change what screen readers announce. */}
      <p class="usage-footer" aria-label={t('usageLabel')} data-estimated={usage.estimated}>
        {usage.estimated && <span title={t('estimated')}>≈ </span>}
        {parts.join(' · ')}
      </p>
      {usage.unrecorded && <p class="warning usage-unrecorded">{t('usageNotRecorded')}</p>}
    </>
  );
}
