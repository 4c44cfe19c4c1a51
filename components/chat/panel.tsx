import type { ComponentChildren } from 'preact';
import { useDictation } from '@/utils/transcribe/ui/use-dictation';
import { useMemo } from 'preact/hooks';
import { useConnectionSavedAt } from '@/utils/setup/ui/use-connection-ready';
import { t } from '@/utils/i18n';
import type { ChatControls, ChatState } from '@/utils/chat/ui/use-chat';
import type { EstimateState } from '@/utils/chat/ui/use-chat-estimate';
import { ChatComposer } from './composer';
import { ChatLog } from './log';
import type { ChatMessageActions } from './message';
import { ModelCombobox } from '@/components/model-combobox';
import { ErrorNotice } from '@/components/error-notice';
import { StatusMessage } from '@/components/status-message';
import type { Status } from '@/utils/ui/status';
import './chat.css';

export interface ChatPanelProps {
  state: ChatState;
  draft: string;
  controls: ChatControls;
  estimate: EstimateState;
  /** Models offered in the model field (any name can be typed). */
  models: string[];
  cnyPerUsd: number;
  /** A short note (copied, copy failed). */
  notice: Status | null;
  onCopy(text: string): void;
  onOpenSettings(): void;
  /** Opens the welcome page, where a key is connected. */
  onConnect(): void;
  /** More toolbar buttons from the host (the popup's "Summarize page"). */
  children?: ComponentChildren;
  /** What an empty conversation offers to start with (the popup's starters). */
  starters?: ComponentChildren;
}

/**
 * A whole chat: model and New chat, the conversation, the composer. Props in, events out, so the
 * popup and a future side panel show the same chat.
 */
export function ChatPanel({
  state,
  draft,
  controls,
  estimate,
  models,
  cnyPerUsd,
  notice,
  onCopy,
  onOpenSettings,
  onConnect,
  children,
  starters,
}: ChatPanelProps) {
  const connectionSavedAt = useConnectionSavedAt();
  const actions = useMemo<ChatMessageActions>(
    () => ({
      onCopy,
      onCopyCode: onCopy,
      onRegenerate: controls.regenerate,
      onOverride: controls.overrideBudget,
      onOpenSettings,
      onConnect,
    }),
    [onCopy, controls, onOpenSettings, onConnect],
  );

  return (
    <section class="chat-panel" aria-busy={state.loading}>
      <div class="chat-toolbar">
        <ModelCombobox
          key={state.conversationId}
          class="chat-model"
          label={t('chatModelLabel')}
          value={state.model}
          options={models}
          onCommit={controls.setModel}
        />
        <button type="button" onClick={controls.newChat}>
          {t('chatNewChat')}
        </button>
        {children}
      </div>
      {state.error && (
        <ErrorNotice error={state.error} onRetry={controls.reload} onOpenSettings={onOpenSettings} onConnect={onConnect} />
      )}
      <ChatLog
        messages={state.messages}
        streamingId={state.streamingId}
        live={state.live}
        cnyPerUsd={cnyPerUsd}
        actions={actions}
        connectionSavedAt={connectionSavedAt}
        starters={starters}
      />
      <ChatComposer
        draft={draft}
        streaming={state.streamingId !== null}
        disabled={state.loading}
        estimate={estimate}
        cnyPerUsd={cnyPerUsd}
        onDraft={controls.setDraft}
        onSend={controls.send}
        onStop={controls.stop}
        voiceComposer="popup-chat"
        useVoice={useDictation}
      />
      <StatusMessage status={notice} />
    </section>
  );
}
