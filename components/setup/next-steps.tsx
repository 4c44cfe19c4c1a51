import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { requestAllSitesAccess, useAllSitesAccess } from '@/utils/translate/ui/site-access';

/**
 * The welcome page's last step, once a key works: pin the icon, how to use Glance, site access for
 * the button by selected text (when it is on and not yet allowed), and Try it (a chat in a tab).
 */
export function NextSteps({ selectionButton }: { selectionButton: boolean }) {
  const [access, setAccess] = useAllSitesAccess();
  const [denied, setDenied] = useState(false);

  const allow = async () => {
    // First thing in the click: the browser shows its prompt only during the click itself.
    const granted = await requestAllSitesAccess();
    setAccess(granted);
    setDenied(!granted);
  };

  return (
    <section class="card welcome-step" aria-labelledby="welcome-done">
      <h2 id="welcome-done">{t('welcomeStepDone')}</h2>
      <ul class="welcome-list">
        <li>{t('welcomePin')}</li>
        <li>{t('welcomeUse')}</li>
      </ul>
      {selectionButton && access === false && (
        <div class="welcome-access">
          <p>{t('welcomeSitesNeeded')}</p>
          <button type="button" onClick={() => void allow()}>
            {t('welcomeSitesAllow')}
          </button>
          {denied && <p class="warning">{t('welcomeSitesDenied')}</p>}
        </div>
      )}
      {selectionButton && access === true && <p class="hint">{t('welcomeSitesGranted')}</p>}
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') })}
        >
          {t('tryIt')}
        </button>
      </div>
      <p class="hint">{t('tryItHint')}</p>
    </section>
  );
}
