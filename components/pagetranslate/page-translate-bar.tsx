import { formatNumber } from '@/utils/locale-format';
import { ErrorNotice } from '@/components/error-notice';
import { t, type MessageKey } from '@/utils/i18n';
import { costOf, formatCost, priceFor } from '@/utils/llm/pricing';
import type { PageCommand, PageEstimate } from '@/utils/pagetranslate/types';
import { usePageTranslation } from '@/utils/pagetranslate/ui/use-page-translation';
import type { Settings } from '@/utils/settings';

const MODES: { command: PageCommand; label: MessageKey }[] = [
  { command: 'original', label: 'pageShowOriginal' },
  { command: 'bilingual', label: 'pageBilingual' },
  { command: 'translation', label: 'pageTranslationOnly' },
];

/** Cost of translating `tokens` of page text: about as many tokens come back (more for Chinese). */
function costText(tokens: number, settings: Settings): string {
  const cost = costOf(
    { promptTokens: Math.round(tokens * 1.1), cachedTokens: 0, completionTokens: Math.round(tokens * 1.5) },
    priceFor(settings.model, settings.priceOverrides),
  );
  return cost === null ? '?' : formatCost(cost, settings.cnyPerUsd);
}

function EstimateLine({ estimate, settings }: { estimate: PageEstimate; settings: Settings }) {
  return (
    <p class="hint">
      {t('pageTranslateEstimate', {
        visible: formatNumber(estimate.visibleTokens),
        visibleCost: costText(estimate.visibleTokens, settings),
        total: formatNumber(estimate.totalTokens),
        totalCost: costText(estimate.totalTokens, settings),
      })}
    </p>
  );
}

/**
 * The popup's page-translation row, above every view: "Translate page" with the cost estimate
 * first; once translating, the modes and "Stop translating" in the same place, the progress, and
 * why it stopped (the budget's "Spend anyway" is pressed here, never in the page).
 */
export function PageTranslateBar({ settings }: { settings: Settings }) {
  const { status, error, busy, run, spendAnyway, setRule } = usePageTranslation();
  const active = status?.active ?? false;
  return (
    // No accessible name: a named region here would share words with the Translate view's "Translation".
    <section class="page-translate">
      <div class="row">
        {active ? (
          <>
            {MODES.map(({ command, label }) => (
              <button
                key={command}
                type="button"
                aria-pressed={status?.mode === command}
                disabled={busy}
                onClick={() => void run(command)}
              >
                {t(label)}
              </button>
            ))}
            <button type="button" disabled={busy} onClick={() => void run('stop')}>
              {t('pageStopTranslating')}
            </button>
          </>
        ) : (
          <button type="button" class="primary" disabled={busy} onClick={() => void run('start')}>
            {t('pageTranslateStart')}
          </button>
        )}
      </div>
      {status?.site && (
        <div class="row">
          <button type="button" aria-pressed={status.rule === 'always'} onClick={() => void setRule('always')}>
            {t('pageAlwaysSite')}
          </button>
          <button type="button" aria-pressed={status.rule === 'never'} onClick={() => void setRule('never')}>
            {t('pageNeverSite')}
          </button>
        </div>
      )}
      {!active && status?.estimate && status.estimate.paragraphs > 0 && (
        <EstimateLine estimate={status.estimate} settings={settings} />
      )}
      {active && status && (
        <p class="hint" role="status">
          {t('pageTranslateProgress', {
            done: status.translated,
            pending: status.pending,
            tokens: formatNumber(status.tokens),
          })}
        </p>
      )}
      {status?.error && (
        <ErrorNotice error={status.error} onOverride={() => void spendAnyway()} onRetry={() => void run('resume')} />
      )}
      {error && !active && error.code !== 'page_unreadable' && <ErrorNotice error={error} />}
    </section>
  );
}
