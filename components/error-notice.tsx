import type { WireError } from '@/utils/errors';
import { t } from '@/utils/i18n';

export interface ErrorNoticeProps {
  error: WireError;
  /** Offered when retrying can help (network, rate limit, an interrupted answer). */
  onRetry?(): void;
  /** Offered when the budget holds the call: "Spend anyway". */
  onOverride?(): void;
  /** Offered for errors only the settings can fix (no key, bad key, unknown model...). */
  onOpenSettings?(): void;
}

const FIXED_IN_SETTINGS = new Set([
  'missing_key',
  'invalid_key',
  'model_not_found',
  'cors',
  'invalid_base_url',
  'html_response',
  'endpoint_not_found',
]);

/** An error in the user's language, with the one or two actions that can fix it. */
export function ErrorNotice({ error, onRetry, onOverride, onOpenSettings }: ErrorNoticeProps) {
  return (
    <div role="alert" class="error-notice" data-code={error.code}>
      <p>{error.message}</p>
      <div class="row">
        {error.code === 'budget_exceeded' && onOverride && (
          <button type="button" class="primary" onClick={onOverride}>
            {t('spendAnyway')}
          </button>
        )}
        {error.retryable && onRetry && (
          <button type="button" onClick={onRetry}>
            {t('retry')}
          </button>
        )}
        {FIXED_IN_SETTINGS.has(error.code) && onOpenSettings && (
          <button type="button" onClick={onOpenSettings}>
            {t('openSettings')}
          </button>
        )}
      </div>
    </div>
  );
}
