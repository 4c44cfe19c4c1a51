import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import { useSettings } from '../../utils/ui/use-settings';
import { ChatView } from './chat-view';
import { HistoryView } from './history-view';

/** What a view gets: the settings, and a way to switch to another view. */
export interface ViewContext {
  settings: Settings;
  show(view: string): void;
}

/**
 * The popup's views, in tab order. Each is a function of the settings; features add their view
 * here (chat, summary, translate...). The first one opens by default.
 */
const VIEWS: { id: string; label: MessageKey; render(context: ViewContext): preact.ComponentChildren }[] = [
  { id: 'chat', label: 'chatTab', render: ({ settings }) => <ChatView settings={settings} /> },
  { id: 'history', label: 'historyTab', render: ({ show }) => <HistoryView onOpened={() => show('chat')} /> },
];

/** The view asked for in the address (`popup.html?view=history` opened in a tab), if it exists. */
function initialView(): string | undefined {
  const wanted = new URLSearchParams(location.search).get('view');
  return VIEWS.find((view) => view.id === wanted)?.id ?? VIEWS[0]?.id;
}

/** The toolbar popup: a tab per feature, and the way to the settings. */
export function App() {
  const settings = useSettings();
  const [view, setView] = useState(initialView);
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
      {current?.render({ settings, show: setView })}
    </main>
  );
}
