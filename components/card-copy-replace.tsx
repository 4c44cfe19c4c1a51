import { t } from '@/utils/i18n';

export interface CardCopyReplaceProps {
  /** The answer so far; nothing to copy or put in place until there is one. */
  markdown: string;
  /** Whether the answer is complete (Replace waits for it). */
  done: boolean;
  copied?: boolean;
  replaced?: boolean;
  /** The selection is in an editable field: Replace is offered. */
  canReplace?: boolean;
  onCopy(): void;
  onReplace(): void;
}

/** An in-page card's Copy and, for a selection in an editable field, Replace. */
export function CardCopyReplace(props: CardCopyReplaceProps) {
  return (
    <>
      <button type="button" onClick={props.onCopy} disabled={!props.markdown}>
        {props.copied ? t('copied') : t('copy')}
      </button>
      {props.canReplace && (
        <button type="button" onClick={props.onReplace} disabled={!props.done || !props.markdown}>
          {props.replaced ? t('translateReplaced') : t('translateReplace')}
        </button>
      )}
    </>
  );
}
