import { t } from '@/utils/i18n';

export interface BudgetHeldNoticeProps {
  /** What the budget holds, in the card's words ("the budget holds this translation"). */
  text: string;
  onOpenGlance(): void;
  onRetry(): void;
}

/**
 * An in-page card's notice that the budget holds its call. Our own words, not the error's: the
 * page must not read the spending or the limit. "Spend anyway" is in Glance, which this opens.
 */
export function BudgetHeldNotice({ text, onOpenGlance, onRetry }: BudgetHeldNoticeProps) {
  return (
    <div role="alert" class="error-notice" data-code="budget_exceeded">
      <p>{text}</p>
      <div class="row">
        <button type="button" class="primary" onClick={onOpenGlance}>
          {t('openGlance')}
        </button>
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      </div>
    </div>
  );
}
