import type { ComponentChildren } from 'preact';
import { formatNumber } from '@/utils/locale-format';
import { t } from '@/utils/i18n';
import { formatCost } from '@/utils/llm/pricing';
import type { PageInspection } from '@/utils/summary/types';

const SOURCE_LABELS = {
  article: 'summarySourceArticle',
  body: 'summarySourceBody',
  selection: 'summarySourceSelection',
} as const;

function costText(estimate: PageInspection['estimate'], cnyPerUsd: number): string {
  return estimate.costUsd === null
    ? t('summaryEstimateNoPrice', { model: estimate.model })
    : `≈${formatCost(estimate.costUsd, cnyPerUsd)}`;
}

/** The summary estimate's figures for the locale strings: tokens formatted, the cost in the user's currency. */
export function estimateParams(estimate: PageInspection['estimate'], cnyPerUsd: number) {
  return {
    input: formatNumber(estimate.inputTokens),
    output: formatNumber(estimate.outputTokens),
    requests: estimate.requests,
    sections: estimate.sections,
    cost: costText(estimate, cnyPerUsd),
  };
}

/** What was read (article, body or selection; its size) and what summarizing it would cost. */
export function PageFacts({
  inspection,
  cnyPerUsd,
  estimate: showEstimate = true,
}: {
  inspection: PageInspection;
  cnyPerUsd: number;
  /** Show what summarizing would cost (not once the summary is there). */
  estimate?: boolean;
}) {
  const { page, estimate } = inspection;
  const tokens = formatNumber(page.tokens);
  return (
    <div class="page-facts">
      <p class="page-title">{page.title || page.url}</p>
      <p class="hint">
        {t(SOURCE_LABELS[page.source])} · {t(page.exactTokens ? 'summaryPageTokens' : 'summaryPageTokensApprox', { tokens })}
      </p>
      {showEstimate && <p class="hint">{t('summaryEstimate', estimateParams(estimate, cnyPerUsd))}</p>}
      {page.truncated && <p class="hint warning">{t('summaryTruncated')}</p>}
    </div>
  );
}

export interface SummaryConfirmProps {
  inspection: PageInspection;
  cnyPerUsd: number;
  onConfirm(): void;
  onCancel(): void;
}

/** Above the cost threshold: the estimate, and the user's go-ahead before anything is spent. */
export function SummaryConfirm({ inspection, cnyPerUsd, onConfirm, onCancel }: SummaryConfirmProps) {
  return (
    <SpendConfirm class="summary-confirm" onConfirm={onConfirm} onCancel={onCancel}>
      <p>{t('summaryConfirmText', estimateParams(inspection.estimate, cnyPerUsd))}</p>
    </SpendConfirm>
  );
}

/** The group "Summarize anyway" / Cancel under what a summary will cost (a page's, a transcript's). */
export function SpendConfirm({
  class: className,
  children,
  onConfirm,
  onCancel,
}: {
  class: string;
  children: ComponentChildren;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <fieldset class={`${className} card`} aria-label={t('summaryConfirm')}>
      {children}
      <div class="row">
        <button type="button" class="primary" onClick={onConfirm}>
          {t('summaryConfirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('summaryCancel')}
        </button>
      </div>
    </fieldset>
  );
}
