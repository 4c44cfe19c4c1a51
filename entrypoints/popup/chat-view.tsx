import { useCallback, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ChatPanel } from '@/components/chat/panel';
import type { Status } from '@/utils/ui/status';
import { getLocale, t } from '@/utils/i18n';
import { tokenPricedModels } from '@/utils/llm/pricing';
import { sendMessage, wireOf } from '@/utils/messaging';
import { translateDraftItem, type Settings } from '@/utils/settings';
import { copyText } from '@/utils/ui/clipboard';
import { resolveTargetTab } from '@/utils/ui/target-tab';
import { useChat } from '@/utils/chat/ui/use-chat';
import { useChatEstimate } from '@/utils/chat/ui/use-chat-estimate';
import { explainMessage, type StarterSelection } from '@/utils/chat/starters';
import { openWelcome } from '@/utils/setup/welcome-tab';

/** Chat models to offer: the default, this conversation's, and OpenAI's when that is the provider. */
function modelChoices(settings: Settings, current: string): string[] {
  const openai = settings.provider === 'openai' ? tokenPricedModels() : [];
  return [...new Set([settings.model, current, ...openai].filter(Boolean))];
}

/** What the target tab's page has selected ('' when nothing is). */
async function pageSelection(): Promise<StarterSelection> {
  const tabId = await resolveTargetTab();
  if (tabId === null) return { text: '', title: '', url: '' };
  return sendMessage('readSelection', { tabId });
}

export interface ChatViewProps {
  settings: Settings;
  /** Switches to the page's summary and starts it. */
  onSummarize(): void;
  /** Switches to the Translate tab and translates what its box holds (none in the side panel). */
  onTranslate?(): void;
}

/** The popup's Chat tab; an empty conversation offers starters (summarize, translate, explain). */
export function ChatView({ settings, onSummarize, onTranslate }: ChatViewProps) {
  const { state, draft, controls } = useChat(settings.model);
  const historyKey = `${state.messages.length}:${state.streamingId ?? ''}`;
  const estimate = useChatEstimate({
    conversationId: state.conversationId,
    saved: state.saved,
    model: state.model,
    draft,
    historyKey,
  });
  const [notice, setNotice] = useState<Status | null>(null);

  const copy = useCallback(async (text: string) => {
    const copied = await copyText(text);
    setNotice(copied ? { kind: 'success', text: t('chatCopied') } : { kind: 'error', text: t('chatCopyFailed') });
    setTimeout(() => setNotice(null), 2000);
  }, []);
  const openSettings = useCallback(() => void browser.runtime.openOptionsPage(), []);
  const connect = useCallback(() => void openWelcome(), []);

  /** Runs a starter on the page's selection; without one, says to select text first. */
  const withSelection = (use: (selection: StarterSelection) => void | Promise<void>) => () => {
    setNotice(null);
    pageSelection().then(
      (selection) => (selection.text ? use(selection) : setNotice({ kind: 'info', text: t('starterNoSelection') })),
      (error) => setNotice({ kind: 'error', text: wireOf(error).message }),
    );
  };
  const translateSelection = withSelection(async ({ text }) => {
    // The Translate tab's box is this stored draft: it opens with the selection in it.
    await translateDraftItem.setValue(text);
    onTranslate?.();
  });
  const explain = withSelection((selection) => {
    // Sent through the composer's draft; what the user had typed there comes back after.
    const typed = draft;
    controls.setDraft(explainMessage(selection, settings, getLocale()));
    controls.send();
    controls.setDraft(typed);
  });

  return (
    <ChatPanel
      state={state}
      draft={draft}
      controls={controls}
      estimate={estimate}
      models={modelChoices(settings, state.model)}
      cnyPerUsd={settings.cnyPerUsd}
      notice={notice}
      onCopy={copy}
      onOpenSettings={openSettings}
      onConnect={connect}
      starters={
        <>
          <button type="button" onClick={onSummarize}>
            {t('starterSummarize')}
          </button>
          {onTranslate && (
            <button type="button" onClick={translateSelection}>
              {t('starterTranslate')}
            </button>
          )}
          <button type="button" onClick={explain}>
            {t('starterExplain')}
          </button>
        </>
      }
    >
      <button type="button" class="secondary" onClick={onSummarize}>
        {t('summarizePage')}
      </button>
    </ChatPanel>
  );
}
