import type { WireError } from '@/utils/errors';
import { CloseIcon, IconButton } from '@/components/icons';
import { t } from '@/utils/i18n';
import { BudgetHeldNotice } from '@/components/budget-held-notice';
import { CardCopyReplace } from '@/components/card-copy-replace';
import { ErrorNotice } from '@/components/error-notice';
import { MarkdownView } from '@/components/markdown-view';

export interface ActionCardProps {
  /** The action's name: the dialog's name. */
  name: string;
  /** The answer so far (Markdown). */
  markdown: string;
  status: 'idle' | 'working' | 'done' | 'error';
  error?: WireError;
  notice?: string;
  /** Ask: the question box, prefilled with the selection, until it is sent. */
  question?: string;
  /** The selection is in an editable field and the action offers Replace. */
  canReplace: boolean;
  copied: boolean;
  replaced: boolean;
  onQuestionChange(text: string): void;
  onSend(): void;
  onCopy(): void;
  onCopyCode(code: string): void;
  onReplace(): void;
  onRetry(): void;
  onOpenGlance(): void;
  onOpenSettings(): void;
  onClose(): void;
}

/**
 * The card of a selection action: a non-modal dialog named after the action. Like the translation
 * card it lives in a web page, so it shows no money at all.
 */
export function ActionCard(props: ActionCardProps) {
  const { status, error } = props;
  const working = status === 'working';
  const held = error?.code === 'budget_exceeded';
  const asking = props.question !== undefined;
  return (
    <div class="card" role="dialog" aria-label={props.name} tabIndex={-1} dir="ltr">
      <header class="card-header">
        <span class="from">{props.name}</span>
        <IconButton class="close" label={t('close')} icon={<CloseIcon />} onClick={props.onClose} />
      </header>
      {asking && (
        <form
          class="ask"
          onSubmit={(event) => {
            event.preventDefault();
            if (props.question?.trim()) props.onSend();
          }}
        >
          <textarea
            aria-label={t('actionQuestion')}
            value={props.question}
            rows={3}
            onInput={(event) => props.onQuestionChange(event.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={!props.question?.trim()}>
            {t('actionSend')}
          </button>
        </form>
      )}
      <div class="card-body" dir="auto" aria-busy={working}>
        {props.markdown && <MarkdownView text={props.markdown} onCopyCode={props.onCopyCode} />}
        {working && (
          <p class="status" role="status">
            {t('working')}
          </p>
        )}
      </div>
      {status === 'error' && error && !held && (
        <ErrorNotice error={error} onRetry={error.retryable ? props.onRetry : undefined} onOpenSettings={props.onOpenSettings} />
      )}
      {status === 'error' && held && (
        <BudgetHeldNotice text={t('actionBudgetHeld')} onOpenGlance={props.onOpenGlance} onRetry={props.onRetry} />
      )}
      {props.notice && <p class="notice">{props.notice}</p>}
      {!asking && (
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
          {(status === 'done' || (status === 'error' && !error?.retryable && !held)) && (
            <button type="button" onClick={props.onRetry}>
              {t('retry')}
            </button>
          )}
        </footer>
      )}
    </div>
  );
}
