import { formatNumber } from '@/utils/locale-format';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { MAX_MESSAGE_CHARS } from '@/utils/chat/types';
import { t } from '@/utils/i18n';
import { isSendKey } from '@/utils/ime';
import { formatCost } from '@/utils/llm/pricing';
import type { EstimateState } from '@/utils/chat/ui/use-chat-estimate';
import type { DictationHook } from '@/utils/transcribe/ui/use-dictation';
import { useFieldDictation } from '@/utils/transcribe/ui/use-field-dictation';
import { VoiceButton, VoiceStatus } from '@/components/transcribe/voice-controls';

export interface ChatComposerProps {
  draft: string;
  /** An answer is streaming: Stop replaces Send. */
  streaming: boolean;
  /** Nothing can be sent yet (the conversation is loading). */
  disabled?: boolean;
  estimate: EstimateState;
  cnyPerUsd: number;
  onDraft(text: string): void;
  onSend(): void;
  onStop(): void;
  /** Turns on voice input, naming this composer ('popup-chat'...) so its recordings come back here. */
  voiceComposer?: string;
  /** The dictation hook (utils/transcribe/ui/use-dictation.ts); a page passes it with voiceComposer. */
  useVoice?: DictationHook;
}

/** The line under the composer: what sending costs, or why it cannot be sent. */
export function estimateLine(
  state: EstimateState,
  draftChars: number,
  cnyPerUsd: number,
): { text: string; blocked: boolean; warning: boolean } {
  const number = (n: number) => formatNumber(n);
  if (state.tooManyChars) {
    return {
      text: t('chatTooManyChars', { chars: number(draftChars), max: number(MAX_MESSAGE_CHARS) }),
      blocked: true,
      warning: true,
    };
  }
  const estimate = state.estimate;
  if (!estimate) return { text: draftChars && state.counting ? t('chatCounting') : '', blocked: false, warning: false };
  if (!estimate.fits) {
    const text = t('chatTooLong', {
      tokens: number(estimate.messageTokens),
      model: estimate.model,
      limit: number(estimate.inputLimit),
    });
    return { text, blocked: true, warning: true };
  }
  const cost = estimate.costUsd === null ? t('noPrice') : formatCost(estimate.costUsd, cnyPerUsd);
  const head = t(estimate.exact ? 'chatEstimate' : 'chatEstimateApprox', { tokens: number(estimate.promptTokens), cost });
  const history =
    estimate.historyTotal === 0
      ? ''
      : estimate.historyIncluded === 0
        ? t('chatEstimateNoHistory')
        : t('chatEstimateHistory', {
            included: estimate.historyIncluded,
            total: estimate.historyTotal,
            history: number(estimate.historyTokens),
          });
  return { text: history ? t('chatEstimateWithHistory', { estimate: head, history }) : head, blocked: false, warning: false };
}

/**
 * The message box: Enter sends, Shift+Enter adds a line, and an Enter that commits an input
 * method's composition (Chinese, Japanese) never sends. Shows the next request's cost before it
 * is paid. Focused when it appears.
 */
export function ChatComposer(props: ChatComposerProps) {
  const { draft, streaming, disabled, estimate, cnyPerUsd, onDraft, onSend, onStop, voiceComposer, useVoice } = props;
  const composing = useRef(false);
  // Dictated text goes in at the cursor as it streams, never sent: the user reads it first.
  const { dictation, field } = useFieldDictation({
    composer: voiceComposer,
    useVoice,
    ready: !disabled,
    text: draft,
    onText: onDraft,
  });
  const recording = dictation.phase === 'recording';
  const line = estimateLine(estimate, draft ? draft.length : 0, cnyPerUsd);
  const shownEstimate = draft.trim() ? line : { text: '', blocked: false, warning: false };
  const canSend = !streaming && !disabled && draft.trim().length > 0 && !shownEstimate.blocked;

  // Before the first paint: the popup opens with the cursor in the box.
  useLayoutEffect(() => field.current?.focus(), []);

  // Enter pressed while the conversation is still loading (the popup's first ~100 ms) is kept
  // and sent once it has loaded, instead of being dropped: the text stays in the box meanwhile.
  const sendWhenReady = useRef(false);
  const send = () => {
    if (disabled && !streaming && draft.trim()) sendWhenReady.current = true;
    if (!canSend) return;
    sendWhenReady.current = false;
    onSend();
    field.current?.focus();
  };
  useEffect(() => {
    if (!disabled && sendWhenReady.current) send();
  }, [disabled]);

  return (
    <form
      class="chat-composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
      onKeyDown={(event) => {
        if (recording && event.key === 'Escape') {
          event.preventDefault();
          dictation.discard();
        }
      }}
    >
      {voiceComposer && useVoice && <VoiceStatus dictation={dictation} cnyPerUsd={cnyPerUsd} />}
      <textarea
        ref={field}
        aria-label={t('chatMessageLabel')}
        aria-describedby="chat-estimate"
        placeholder={t('chatPlaceholder')}
        rows={2}
        value={draft}
        onInput={(event) => onDraft(event.currentTarget.value)}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={() => (composing.current = false)}
        onKeyDown={(event) => {
          if (!isSendKey(event, composing.current)) return;
          // Enter never inserts a line here, sent or not (an answer may still be streaming).
          event.preventDefault();
          // While recording, Enter stops the recording instead of sending.
          if (recording) dictation.toggle();
          else send();
        }}
      />
      <div class="chat-composer-row">
        {/* While the new draft is counted, the last count stays, dimmed, instead of flickering. */}
        <p id="chat-estimate" class={`chat-estimate${shownEstimate.warning ? ' warning' : ''}`} aria-busy={estimate.counting}>
          {shownEstimate.text}
        </p>
        {voiceComposer && useVoice && <VoiceButton dictation={dictation} />}
        {streaming ? (
          <button type="button" onClick={onStop}>
            {t('stop')}
          </button>
        ) : (
          <button type="submit" class="primary" disabled={!canSend}>
            {t('chatSend')}
          </button>
        )}
      </div>
    </form>
  );
}
