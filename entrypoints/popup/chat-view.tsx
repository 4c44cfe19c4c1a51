import { useCallback, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ChatPanel } from '@/components/chat/panel';
import type { Status } from '@/utils/ui/status';
import { t } from '@/utils/i18n';
import { tokenPricedModels } from '@/utils/llm/pricing';
import type { Settings } from '@/utils/settings';
import { copyText } from '@/utils/ui/clipboard';
import { useChat } from '@/utils/chat/ui/use-chat';
import { useChatEstimate } from '@/utils/chat/ui/use-chat-estimate';
import { openWelcome } from '@/utils/setup/welcome-tab';

/** Chat models to offer: the default, this conversation's, and OpenAI's when that is the provider. */
function modelChoices(settings: Settings, current: string): string[] {
  const openai = settings.provider === 'openai' ? tokenPricedModels() : [];
  return [...new Set([settings.model, current, ...openai].filter(Boolean))];
}

/** The popup's Chat tab; `onSummarize` switches to the page's summary and starts it. */
export function ChatView({ settings, onSummarize }: { settings: Settings; onSummarize(): void }) {
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
    >
      <button type="button" class="secondary" onClick={onSummarize}>
        {t('summarizePage')}
      </button>
    </ChatPanel>
  );
}
