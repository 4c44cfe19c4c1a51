import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../../utils/i18n';
import { useSettings } from '../../utils/ui/use-settings';
import { TranslateView } from './translate-view';

/**
 * The popup's views, in tab order. Each is a function of the settings; features add their view
 * here (chat, summary, translate...). The first one opens by default.
 */
const VIEWS: { id: string; label: MessageKey; render(): preact.ComponentChildren }[] = [
  { id: 'translate', label: 'translateTab', render: () => <TranslateView /> },
];

/** The toolbar popup: a tab per feature, and the way to the settings. */
export function App() {
  const settings = useSettings();
  const [view, setView] = useState(VIEWS[0]?.id);
  if (!settings) return <main aria-busy="true" />;
  const current = VIEWS.find((candidate) => candidate.id === view);
  return (
    <main class="popup">
      <header class="popup-header">
        <nav class="row" aria-label="Glance">
          {VIEWS.map((candidate) => (
            <button
              key={candidate.id}
              type="button"
              aria-pressed={candidate.id === view}
              onClick={() => setView(candidate.id)}
            >
              {t(candidate.label)}
            </button>
          ))}
        </nav>
        <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openSettings')}
        </button>
      </header>
      {current?.render()}
    </main>
  );
}
