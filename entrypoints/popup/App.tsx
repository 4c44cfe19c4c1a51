import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '@/utils/i18n';
import type { Settings } from '@/utils/settings';
import { useSettings } from '@/utils/ui/use-settings';
import { useSpending } from '@/utils/usage/ui/use-spending';
import { useOpenSidePanel } from '@/utils/ask/ui/use-open-side-panel';
import { SpendBadge } from '@/components/usage/spend-badge';
import { PageTranslateBar } from '@/components/pagetranslate/page-translate-bar';
import { IconButton, SettingsIcon, SidePanelIcon, TranscribeIcon } from '@/components/icons';
import { ConnectCard } from '@/components/setup/connect-card';
import { useConnectionReady } from '@/utils/setup/ui/use-connection-ready';
import { openTranscribePage } from '@/utils/transcribe/ui/open-transcribe';
import { usePreconnect } from '@/utils/ui/preconnect';
import { resolveTargetTab } from '@/utils/ui/target-tab';
import { lazyComponent } from '@/utils/ui/lazy-component';
import { ChatView } from './chat-view';

// The chat is what the popup opens on, so only its code loads with the page; the other views
// load when first shown, or once the chat is on screen (main.tsx preloads them).
const SummaryPanel = lazyComponent(() => import('./summary-panel').then((module) => module.SummaryPanel));
const TranslateView = lazyComponent(() => import('./translate-view').then((module) => module.TranslateView));
const HistoryView = lazyComponent(() => import('./history-view').then((module) => module.HistoryView));
const PageHistory = lazyComponent(() => import('@/components/ask/page-history').then((module) => module.PageHistory));

/** Starts loading the views the popup does not open on, so switching to one is instant. */
export function preloadViews(): void {
  for (const view of [SummaryPanel, TranslateView, HistoryView, PageHistory]) void view.preload().catch(() => undefined);
}

/** What a view gets: the settings, whether to start its action at once, and a way to switch views. */
export interface ViewContext {
  settings: Settings;
  /** Start at once (the context menu, the shortcut, or another view's button asked for it). */
  run: boolean;
  show(view: string, options?: { run?: boolean }): void;
}

/**
 * The popup's views, in tab order. Each is a function of the settings; features add their view
 * here (chat, summary, translate...). The first one opens by default.
 */
const VIEWS: { id: string; label: MessageKey; render(context: ViewContext): preact.ComponentChildren }[] = [
  {
    id: 'chat',
    label: 'chatTab',
    render: ({ settings, show }) => (
      <ChatView
        settings={settings}
        onSummarize={() => show('summary', { run: true })}
        onTranslate={() => show('translate', { run: true })}
      />
    ),
  },
  { id: 'summary', label: 'viewSummary', render: ({ settings, run }) => <SummaryPanel settings={settings} autoStart={run} /> },
  { id: 'translate', label: 'translateTab', render: ({ run }) => <TranslateView autoStart={run} /> },
  {
    id: 'history',
    label: 'historyTab',
    render: ({ show }) => (
      <>
        <HistoryView onOpened={() => show('chat')} />
        <PageHistory />
      </>
    ),
  },
];

/**
 * The view asked for in the address (`popup.html?view=history` opened in a tab); a popup pinned
 * to a tab (`?tabId=N`) is about that page, so it opens the summary; otherwise the chat.
 */
function initialView(): { id: string; run: boolean } {
  const params = new URLSearchParams(location.search);
  const wanted = params.get('view') ?? (params.has('tabId') ? 'summary' : null);
  return { id: VIEWS.find((view) => view.id === wanted)?.id ?? VIEWS[0]!.id, run: params.get('run') === '1' };
}

/** The toolbar popup: a tab per feature, and the way to the settings. */
export function App() {
  const settings = useSettings();
  const spending = useSpending();
  const [{ id: view, run }, setView] = useState(initialView);
  const openSidePanel = useOpenSidePanel();
  const ready = useConnectionReady();
  usePreconnect(settings?.baseURL, ready);
  const loaded = settings !== undefined && ready !== undefined;
  useEffect(() => {
    if (!loaded) return undefined;
    // After the first full render, when the page has nothing else to do.
    const idle = requestIdleCallback(preloadViews, { timeout: 2_000 });
    return () => cancelIdleCallback(idle);
  }, [loaded]);
  if (!loaded) return <main aria-busy="true" />;
  const current = VIEWS.find((candidate) => candidate.id === view);
  const show = (id: string, options: { run?: boolean } = {}) => setView({ id, run: options.run ?? false });
  return (
    <main class="popup">
      <header class="popup-header">
        <nav class="row" aria-label="Glance">
          {VIEWS.map((candidate) => (
            <button key={candidate.id} type="button" aria-pressed={candidate.id === view} onClick={() => show(candidate.id)}>
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
        <IconButton
          class="secondary"
          label={t('transcribeButton')}
          icon={<TranscribeIcon />}
          onClick={() => void resolveTargetTab().then(openTranscribePage)}
        />
        <IconButton class="secondary" label={t('openSidePanel')} icon={<SidePanelIcon />} onClick={openSidePanel} />
        <IconButton
          class="secondary"
          label={t('openSettings')}
          icon={<SettingsIcon />}
          onClick={() => void browser.runtime.openOptionsPage()}
        />
      </header>
      <PageTranslateBar settings={settings} />
      {/* Until a key is connected the chat is a card with the one button that connects it. */}
      {!ready && view === 'chat' ? <ConnectCard /> : current?.render({ settings, run, show })}
    </main>
  );
}
