import { estimateParams, SpendConfirm } from '@/components/summary/estimate';
import { t } from '@/utils/i18n';
import type { SummaryEstimate } from '@/utils/summary/types';

/** What summarizing the transcript costs: tokens in and out, the cost, the parts of a long one. */
export function summaryEstimateText(estimate: SummaryEstimate, cnyPerUsd: number): string {
  const params = estimateParams(estimate, cnyPerUsd);
  return estimate.sections > 1 ? t('transcriptSummaryEstimateParts', params) : t('transcriptSummaryEstimate', params);
}

export interface TranscriptSummaryConfirmProps {
  estimate: SummaryEstimate;
  cnyPerUsd: number;
  onConfirm(): void;
  onCancel(): void;
}

/** Above the cost threshold: the estimate, and the user's go-ahead ("Summarize anyway", as for a page). */
export function TranscriptSummaryConfirm({ estimate, cnyPerUsd, onConfirm, onCancel }: TranscriptSummaryConfirmProps) {
  return (
    <SpendConfirm class="transcript-confirm" onConfirm={onConfirm} onCancel={onCancel}>
      <p>{summaryEstimateText(estimate, cnyPerUsd)}</p>
      <p class="hint">{t('transcriptSummaryAbove')}</p>
    </SpendConfirm>
  );
}
