import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import { useSettings } from '../../utils/ui/use-settings';
import { useSpending } from '../../utils/ui/use-spending';
import { SpendBadge } from '../../components/spend-badge';
import { SummaryPanel } from './summary-panel';
import { TranslateView } from './translate-view';

/**
 * The popup's views, in tab order. Each is a function of the settings; features add their view
 * here (chat, summary, translate...). The first one opens by default.
 */
const VIEWS: { id: string; label: MessageKey; render(settings: Settings): preact.ComponentChildren }[] = [
  { id: 'summary', label: 'viewSummary', render: (settings) => <SummaryPanel settings={settings} /> },
  { id: 'translate', label: 'translateTab', render: () => <TranslateView /> },
];

/** The view named by `?view=` (the context menu opens the summary that way), else the first. */
function initialView(): string | undefined {
  const wanted = new URLSearchParams(location.search).get('view');
  return VIEWS.find((candidate) => candidate.id === wanted)?.id ?? VIEWS[0]?.id;
}

/** The toolbar popup: a tab per feature, and the way to the settings. */
export function App() {
  const settings = useSettings();
  const spending = useSpending();
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
        {spending && (
          <SpendBadge
            spending={spending}
            cnyPerUsd={settings.cnyPerUsd}
            onOpen={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#usage') })}
          />
        )}
        <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openSettings')}
        </button>
      </header>
      {current?.render(settings)}
    </main>
  );
}
