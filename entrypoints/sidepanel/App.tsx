import { useCallback, useState } from 'preact/hooks';
import { openTranscribePage } from '@/utils/transcribe/ui/open-transcribe';
import { browser } from 'wxt/browser';
import { PanelActionAnswer } from '@/components/actions/panel-answer';
import { AskPanel } from '@/components/ask/ask-panel';
import { t } from '@/utils/i18n';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { usePanelActions } from '@/utils/actions/ui/use-panel-actions';
import { useBoundTab, type BoundTab } from '@/utils/ask/ui/use-bound-tab';
import { copyText } from '@/utils/ui/clipboard';
import { usePreconnect } from '@/utils/ui/preconnect';
import { useSettings } from '@/utils/ui/use-settings';
import { useLazy } from '@/utils/ui/use-lazy';
import { ConnectCard } from '@/components/setup/connect-card';
import { useConnectionReady } from '@/utils/setup/ui/use-connection-ready';
import type { ChatView as ChatViewType } from '../popup/chat-view';
import type { SummaryPanel as SummaryPanelType } from '../popup/summary-panel';

// The plain chat and the summary are the popup's own views, loaded when first shown: the panel
// opens on the question about the page, and its composer is ready sooner without them.
const loadChat = () => import('../popup/chat-view').then((module) => module.ChatView);
const loadSummary = () => import('../popup/summary-panel').then((module) => module.SummaryPanel);

/** What the status line says: which page the panel talks about. */
function boundText(bound: BoundTab): string {
  if (bound.tabId === null) return t('askNoTab');
  const title = bound.title || bound.url;
  if (!title) return t('askBoundToTab', { tabId: bound.tabId });
  return bound.following ? t('askFollowsActive', { title }) : t('askBoundTo', { title });
}

function SidePanel({ settings, loaded }: { settings: Settings; loaded: boolean }) {
  const bound = useBoundTab(settings.sidePanelFollowsTab);
  // Selection actions that answer here: sent from the tab's toolbar or context menu.
  const actionRuns = usePanelActions(bound.tabId);
  const [closedRuns, setClosedRuns] = useState<ReadonlySet<string>>(new Set());
  const [usePage, setUsePage] = useState(true);
  const [view, setView] = useState<{ id: 'ask' | 'summary'; run: boolean }>({ id: 'ask', run: false });
  const openSettings = useCallback(() => void browser.runtime.openOptionsPage(), []);
  const copy = useCallback((text: string) => void copyText(text), []);
  const summarize = useCallback(() => setView({ id: 'summary', run: true }), []);
  const asking = view.id === 'ask' && usePage && bound.tabId !== null;
  const ChatView = useLazy<typeof ChatViewType>(loadChat, view.id === 'ask' && !asking);
  const SummaryPanel = useLazy<typeof SummaryPanelType>(loadSummary, view.id === 'summary');
  const ready = useConnectionReady();
  usePreconnect(loaded ? settings.baseURL : undefined, ready);

  let body: preact.ComponentChildren;
  if (view.id === 'summary') {
    body = (
      <>
        <button type="button" class="secondary" onClick={() => setView({ id: 'ask', run: false })}>
          {t('askBack')}
        </button>
        {SummaryPanel && <SummaryPanel key={`${bound.tabId}:${bound.url}`} settings={settings} autoStart={view.run} />}
      </>
    );
  } else if (asking && bound.tabId !== null) {
    body = (
      <AskPanel
        key={bound.tabId}
        tabId={bound.tabId}
        url={bound.url}
        cnyPerUsd={settings.cnyPerUsd}
        onSummarize={summarize}
        onOpenSettings={openSettings}
        onCopy={copy}
      />
    );
  } else {
    body = ChatView && <ChatView settings={settings} onSummarize={summarize} />;
  }
  // Until a key is connected, the panel offers to connect one instead of a composer that cannot answer.
  if (ready === false) body = <ConnectCard />;

  return (
    <main class="side-panel">
      <header class="side-panel-header">
        <div role="status" aria-live="polite" class="status" title={bound.url}>
          {boundText(bound)}
          {bound.url && bound.title && <span class="side-panel-url"> ({bound.url})</span>}
          {bound.changed && ` — ${t('askPageChanged')}`}
        </div>
        <label class="checkbox">
          <input
            type="checkbox"
            role="switch"
            aria-checked={usePage}
            checked={usePage}
            onChange={(event) => setUsePage(event.currentTarget.checked)}
          />
          {t('askUsePage')}
        </label>
        <button type="button" class="secondary" onClick={() => void openTranscribePage(bound.tabId)}>
          {t('transcribeButton')}
        </button>
      </header>
      {bound.changed && (
        <div class="side-panel-changed">
          <p>{t('askPageChanged')}</p>
          <button type="button" class="primary" onClick={bound.acceptNewPage}>
            {t('askReadNewPage')}
          </button>
        </div>
      )}
      {actionRuns.some((run) => !closedRuns.has(run.id)) && (
        <div class="panel-actions">
          {actionRuns
            .filter((run) => !closedRuns.has(run.id))
            .map((run) => (
              <PanelActionAnswer
                key={run.id}
                view={run}
                cnyPerUsd={settings.cnyPerUsd}
                onCopy={copy}
                onOpenSettings={openSettings}
                onClose={() => setClosedRuns((closed) => new Set([...closed, run.id]))}
              />
            ))}
        </div>
      )}
      <div class="side-panel-body">{body}</div>
    </main>
  );
}

/**
 * The side panel (Chrome) / sidebar (Firefox), bound to a tab: ask about its page, chat, summarize.
 * It shows at once with the default settings (the composer is ready to type in) and takes the
 * stored ones when they arrive.
 */
export function App() {
  const settings = useSettings();
  return <SidePanel settings={settings ?? DEFAULT_SETTINGS} loaded={settings !== undefined} />;
}
