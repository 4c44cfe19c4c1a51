import type { WireError } from '@/utils/errors';
import { CloseIcon, IconButton } from '@/components/icons';
import { t } from '@/utils/i18n';
import { LANGUAGES } from '@/utils/languages';
import { BudgetHeldNotice } from '@/components/budget-held-notice';
import { CardCopyReplace } from '@/components/card-copy-replace';
import { ErrorNotice } from '@/components/error-notice';
import { LanguageSelect } from '@/components/language-select';
import { MarkdownView } from '@/components/markdown-view';

export interface TranslationCardProps {
  /** Detected source language ('und' when unknown). */
  source: string;
  target: string;
  /** The translation so far (Markdown). */
  markdown: string;
  status: 'idle' | 'working' | 'done' | 'error';
  progress?: { done: number; total: number };
  error?: WireError;
  /** An informative line (truncated answer, nothing to translate, Replace or Copy failed...). */
  notice?: string;
  /** The selection is in an editable field: offer Replace. */
  canReplace: boolean;
  copied: boolean;
  replaced: boolean;
  /** Offer to turn on the selection button (it is not active in this frame). */
  offerButton: boolean;
  onTargetChange(code: string): void;
  onCopy(): void;
  onCopyCode(code: string): void;
  onReplace(): void;
  /** Translate again from the start. */
  /** Translates again: after a failure (Retry) or a success (Translate again). */
  onRetry(): void;
  /** Continue after a failure, from the first unfinished part. */
  onResume(): void;
  /** The budget holds the call: open Glance, where "Spend anyway" is (never pressed from a page). */
  onOpenGlance(): void;
  onOpenSettings(): void;
  onTurnOnButton(): void;
  onClose(): void;
}

function languageLabel(code: string): string {
  if (code === 'und') return t('languageUnknown');
  return LANGUAGES[code]?.native ?? code;
}

/**
 * The translation card shown by a selection: a non-modal dialog named "Translation". It lives in a
 * web page, which can read rendered text back (`window.find`): it shows no money (no cost of the
 * answer, no spending, no budget); the popup and the usage page do.
 */
export function TranslationCard(props: TranslationCardProps) {
  const { status, error, progress } = props;
  const working = status === 'working';
  // A retryable failure gets its Retry in the notice; a text over the limit cannot be retried as is.
  const held = error?.code === 'budget_exceeded';
  const retryInNotice = status === 'error' && (!!error?.retryable || error?.code === 'too_large' || held);
  return (
    <div class="card" role="dialog" aria-label={t('translationTitle')} tabIndex={-1} dir="ltr">
      <header class="card-header">
        <span class="from">{t('translateFrom', { language: languageLabel(props.source) })}</span>
        <span aria-hidden="true">→</span>
        <LanguageSelect value={props.target} label={t('translateIntoLabel')} onChange={props.onTargetChange} />
        <IconButton class="close" label={t('close')} icon={<CloseIcon />} onClick={props.onClose} />
      </header>
      <div class="card-body" dir="auto" aria-busy={working}>
        {props.markdown && <MarkdownView text={props.markdown} onCopyCode={props.onCopyCode} />}
        {working && (
          <p class="status" role="status">
            {progress && progress.total > 1
              ? t('translatingProgress', { done: progress.done, total: progress.total })
              : t('translating')}
          </p>
        )}
      </div>
      {status === 'error' && error && !held && (
        <ErrorNotice error={error} onRetry={props.onResume} onOpenSettings={props.onOpenSettings} />
      )}
      {status === 'error' && held && (
        <BudgetHeldNotice text={t('translateBudgetHeld')} onOpenGlance={props.onOpenGlance} onRetry={props.onResume} />
      )}
      {props.notice && <p class="notice">{props.notice}</p>}
      <footer class="card-actions">
        <CardCopyReplace
          markdown={props.markdown}
          done={status === 'done'}
          copied={props.copied}
          replaced={props.replaced}
          canReplace={props.canReplace}
          onCopy={props.onCopy}
          onReplace={props.onReplace}
        />
        {/* After a translation that worked, doing it again is not a retry. */}
        {(status === 'done' || status === 'error') && !retryInNotice && (
          <button type="button" onClick={props.onRetry}>
            {status === 'done' ? t('translateAgain') : t('retry')}
          </button>
        )}
      </footer>
      {props.offerButton && (
        <p class="offer">
          {t('translateButtonOffer')}{' '}
          <button type="button" class="link" onClick={props.onTurnOnButton}>
            {t('translateButtonOfferAction')}
          </button>
        </p>
      )}
    </div>
  );
}
