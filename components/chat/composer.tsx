import { formatNumber } from '@/utils/locale-format';
import { useEffect, useRef } from 'preact/hooks';
import { MAX_MESSAGE_CHARS } from '@/utils/chat/types';
import { t } from '@/utils/i18n';
import { isSendKey } from '@/utils/ime';
import { formatCost } from '@/utils/llm/pricing';
import type { EstimateState } from '@/utils/chat/ui/use-chat-estimate';

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
export function ChatComposer({ draft, streaming, disabled, estimate, cnyPerUsd, onDraft, onSend, onStop }: ChatComposerProps) {
  const field = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);
  const line = estimateLine(estimate, draft ? draft.length : 0, cnyPerUsd);
  const shownEstimate = draft.trim() ? line : { text: '', blocked: false, warning: false };
  const canSend = !streaming && !disabled && draft.trim().length > 0 && !shownEstimate.blocked;

  useEffect(() => field.current?.focus(), []);

  const send = () => {
    if (!canSend) return;
    onSend();
    field.current?.focus();
  };

  return (
    <form
      class="chat-composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
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
          send();
        }}
      />
      <div class="chat-composer-row">
        {/* While the new draft is counted, the last count stays, dimmed, instead of flickering. */}
        <p id="chat-estimate" class={`chat-estimate${shownEstimate.warning ? ' warning' : ''}`} aria-busy={estimate.counting}>
          {shownEstimate.text}
        </p>
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
