import { t } from '@/utils/i18n';

/** "3 of 12 sections" as a progress bar (role=progressbar), for a long page's map-reduce. */
export function SectionProgress({ done, total }: { done: number; total: number }) {
  const text = t('summaryProgress', { done, total });
  return (
    <div class="section-progress">
      <div
        role="progressbar"
        aria-label={t('summaryProgressLabel')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
        class="section-progress-bar"
      >
        <div class="section-progress-fill" style={{ width: `${total ? (100 * done) / total : 0}%` }} />
      </div>
      <span class="hint">{done >= total ? t('summaryCombining', { total }) : text}</span>
    </div>
  );
}
