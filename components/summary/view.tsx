import { formatDateTime } from '@/utils/locale-format';
import type { ComponentChildren } from 'preact';
import { t } from '@/utils/i18n';
import type { PageSummaryState } from '@/utils/summary/ui/use-page-summary';
import { ErrorNotice } from '@/components/error-notice';
import { MarkdownView } from '@/components/markdown-view';
import { PartNotes } from './part-notes';
import { SectionProgress } from './section-progress';
import { StatusMessage } from '@/components/status-message';
import { PageFacts, SummaryConfirm } from './estimate';
import { UsageFooter } from '@/components/usage/footer';

export interface SummaryViewProps extends Omit<PageSummaryState, 'tabId' | 'finishReason' | 'parts' | 'wholePage'> {
  /** The whole page was chosen although something is selected. */
  wholePage?: boolean;
  /** "Whole page" (true) or "Selection" (false), offered when something is selected. */
  onChooseWholePage?(wholePage: boolean): void;
  /** Notes on each part of a long page as they finish (see PageSummaryState). */
  parts?: PageSummaryState['parts'];
  cnyPerUsd: number;
  onSummarize(): void;
  onRegenerate(): void;
  onConfirm(): void;
  onCancel(): void;
  onStop(): void;
  onRetry(): void;
  onOverride(): void;
  onOpenSettings(): void;
  onCopy(text: string): void;
  /** The follow-up thread, shown under a finished summary. */
  children?: ComponentChildren;
}

/**
 * A page's summary: what was read and what it will cost, the button, progress for long pages,
 * the streaming answer (sanitized Markdown) in a region named "Summary", its usage, errors with
 * their fix, and Regenerate for a stored one.
 */
export function SummaryView(props: SummaryViewProps) {
  const { phase, inspection, text, progress, usage, error, cachedAt, cnyPerUsd, parts = [], wholePage = false } = props;
  const selection = inspection?.page.source === 'selection';
  const running = phase === 'running';
  const status = phase === 'inspecting' ? t('summaryReading') : running && !text && !progress ? t('summaryWorking') : '';
  return (
    <div class="summary-view">
      {/* Once made, the summary's own usage shows what it cost: the estimate would only repeat it, worse. */}
      {inspection && <PageFacts inspection={inspection} cnyPerUsd={cnyPerUsd} estimate={phase !== 'done'} />}
      {inspection?.page.hasSelection && props.onChooseWholePage && (
        <ScopeChoice wholePage={wholePage} disabled={running || phase === 'inspecting'} onChoose={props.onChooseWholePage} />
      )}
      <div class="row summary-actions">
        {running ? (
          <button type="button" onClick={props.onStop}>
            {t('stop')}
          </button>
        ) : phase === 'done' ? (
          <button type="button" onClick={props.onRegenerate}>
            {t('regenerate')}
          </button>
        ) : (
          <button type="button" class="primary" disabled={phase === 'confirming'} onClick={props.onSummarize}>
            {/* Says what it summarizes: never "page" while it reads the selection. */}
            {selection ? t('summarizeSelection') : t('summarizePage')}
          </button>
        )}
        {phase === 'done' && text && (
          <button type="button" onClick={() => props.onCopy(text)}>
            {t('summaryCopy')}
          </button>
        )}
      </div>
      {phase === 'confirming' && inspection && (
        <SummaryConfirm inspection={inspection} cnyPerUsd={cnyPerUsd} onConfirm={props.onConfirm} onCancel={props.onCancel} />
      )}
      <StatusMessage status={status ? { kind: 'info', text: status } : null} />
      {running && progress && <SectionProgress {...progress} />}
      {(running || phase === 'error') && !text && progress && (
        <PartNotes parts={parts} total={progress.total} onCopyCode={props.onCopy} />
      )}
      {error && (
        <ErrorNotice error={error} onRetry={props.onRetry} onOverride={props.onOverride} onOpenSettings={props.onOpenSettings} />
      )}
      {text && (
        <section class="summary-text" aria-label={t('summaryRegion')} aria-busy={running}>
          <MarkdownView text={text} onCopyCode={props.onCopy} />
        </section>
      )}
      {cachedAt !== null && phase === 'done' && <p class="hint">{t('summaryCached', { date: formatDateTime(cachedAt) })}</p>}
      {/* A stored summary cost nothing now; a new one shows its running total of every call. */}
      {usage && cachedAt === null && <UsageFooter usage={usage} cnyPerUsd={cnyPerUsd} />}
      {phase === 'done' && props.children}
    </div>
  );
}

/** "Summarize: ( ) Whole page (•) Selection", when something is selected on the page. */
function ScopeChoice({
  wholePage,
  disabled,
  onChoose,
}: {
  wholePage: boolean;
  disabled: boolean;
  onChoose(wholePage: boolean): void;
}) {
  return (
    <fieldset class="summary-scope" disabled={disabled}>
      <legend>{t('summaryScopeLabel')}</legend>
      <label class="checkbox">
        <input type="radio" name="summary-scope" checked={wholePage} onChange={() => onChoose(true)} />
        {t('summaryScopePage')}
      </label>
      <label class="checkbox">
        <input type="radio" name="summary-scope" checked={!wholePage} onChange={() => onChoose(false)} />
        {t('summaryScopeSelection')}
      </label>
    </fieldset>
  );
}
