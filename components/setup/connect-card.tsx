import { t } from '@/utils/i18n';
import { openWelcome } from '@/utils/setup/welcome-tab';

/**
 * Shown instead of the composer until a key is connected: what Glance needs, and the one button
 * that gets it (the welcome page, brought to the front if it is already open).
 */
export function ConnectCard() {
  return (
    <section class="card connect-card" aria-labelledby="connect-card-heading">
      <h2 id="connect-card-heading">{t('connectCardHeading')}</h2>
      <p>{t('connectCardText')}</p>
      <button type="button" class="primary" onClick={() => void openWelcome()}>
        {t('connectYourKey')}
      </button>
    </section>
  );
}
