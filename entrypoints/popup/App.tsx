import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import { useSettings } from '../../utils/ui/use-settings';

/** The toolbar popup. */
export function App() {
  const settings = useSettings();
  if (!settings) return <main aria-busy="true" />;
  return (
    <main class="popup">
      <h1>Glance</h1>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('openSettings')}
      </button>
    </main>
  );
}
