import { useEffect, useState } from 'preact/hooks';
import { formatWait, type WireError } from '@/utils/errors';
import { t } from '@/utils/i18n';

export interface ErrorNoticeProps {
  error: WireError;
  /** Offered when retrying can help (network, rate limit, an interrupted answer). */
  onRetry?(): void;
  /** Offered when the budget holds the call: "Spend anyway". */
  onOverride?(): void;
  /** Offered for errors only the settings can fix (no key, bad key, unknown model...). */
  onOpenSettings?(): void;
  /** Offered instead of the settings when no key is set: "Connect your API key" (the welcome page). */
  onConnect?(): void;
  /**
   * Offered once the connection was saved after this failure: "Resend" asks the same question
   * again, and replaces the way to the fix (already made).
   */
  onResend?(): void;
}

const FIXED_IN_SETTINGS = new Set([
  'missing_key',
  'invalid_key',
  'model_not_found',
  'cors',
  'invalid_base_url',
  'html_response',
  'endpoint_not_found',
  'relay_no_channel',
]);

/** An error in the user's language, with the one or two actions that can fix it. */
export function ErrorNotice({ error, onRetry, onOverride, onOpenSettings, onConnect, onResend }: ErrorNoticeProps) {
  const wait = useCountdown(error.retryAfterSeconds);
  const connect = error.code === 'missing_key' && onConnect && !onResend;
  return (
    <div role="alert" class="error-notice" data-code={error.code}>
      <p>{error.message}</p>
      {onResend && <p class="hint">{t('chatResendHint')}</p>}
      <div class="row">
        {onResend && (
          <button type="button" class="primary" onClick={onResend}>
            {t('chatResend')}
          </button>
        )}
        {error.code === 'budget_exceeded' && onOverride && (
          <button type="button" class="primary" onClick={onOverride}>
            {t('spendAnyway')}
          </button>
        )}
        {error.retryable && onRetry && !onResend && (
          // The provider named a wait: retrying sooner would only be refused again.
          <button type="button" onClick={onRetry} disabled={wait > 0}>
            {wait > 0 ? t('retryIn', { time: formatWait(wait) }) : t('retry')}
          </button>
        )}
        {connect && (
          <button type="button" class="primary" onClick={onConnect}>
            {t('connectYourKey')}
          </button>
        )}
        {!connect && !onResend && FIXED_IN_SETTINGS.has(error.code) && onOpenSettings && (
          <button type="button" onClick={onOpenSettings}>
            {t('openSettings')}
          </button>
        )}
      </div>
    </div>
  );
}

/** Seconds left of a provider's Retry-After, counted down from when the notice appeared. */
function useCountdown(seconds: number | undefined): number {
  const [left, setLeft] = useState(seconds ?? 0);
  useEffect(() => {
    setLeft(seconds ?? 0);
    if (!seconds) return;
    const end = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      const rest = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      setLeft(rest);
      if (rest === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}
