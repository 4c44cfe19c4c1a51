import { formatNumber } from '@/utils/locale-format';
import { CopyIcon, IconButton, RetryIcon } from '@/components/icons';
import { Component } from 'preact';
import { useState } from 'preact/hooks';
import type { ChatMessage } from '@/utils/chat/types';
import { canResend } from '@/utils/chat/resend';
import { t } from '@/utils/i18n';
import type { LiveText } from '@/utils/live-text';
import { ErrorNotice } from '@/components/error-notice';
import { MarkdownView } from '@/components/markdown-view';
import { UsageFooter } from '@/components/usage/footer';

/** What a message can ask for; one stable object for the whole log. */
export interface ChatMessageActions {
  onCopy(text: string): void;
  onCopyCode(code: string): void;
  onRegenerate(answerId: string): void;
  onOverride(answerId: string): void;
  onOpenSettings(): void;
  /** "Connect your API key", for an answer that failed for want of a key. */
  onConnect(): void;
}

export interface ChatMessageProps {
  message: ChatMessage;
  /** The conversation's last answer: the one Regenerate (after a success) and Retry (after a failure) redo. */
  last: boolean;
  /** An answer is streaming somewhere in the conversation. */
  busy: boolean;
  cnyPerUsd: number;
  actions: ChatMessageActions;
  /** The text of this answer as it streams (only while it does). */
  live?: LiveText | null;
  /** When the connection was last saved (epoch ms; only the last answer gets it): see canResend. */
  connectionSavedAt?: number;
  /**
   * How much of this answer renders before the first paint when it first shows (MarkdownView's
   * renderNowChars): the log gives the end of the conversation its budget. Only read on mount.
   */
  renderNowChars?: number;
}

/** Longer questions are folded: laying out a pasted megabyte would stall the popup for nothing. */
const FOLD_CHARS = 4_000;

function UserText({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  const folded = text.length > FOLD_CHARS && !open;
  return (
    <>
      <div class="chat-user-text">{folded ? `${text.slice(0, FOLD_CHARS)}…` : text}</div>
      {text.length > FOLD_CHARS && (
        <button type="button" class="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('chatShowLess') : t('chatShowAll', { chars: formatNumber(text.length) })}
        </button>
      )}
    </>
  );
}

function AnswerView({ message, last, busy, cnyPerUsd, actions, live, connectionSavedAt = 0, renderNowChars }: ChatMessageProps) {
  const streaming = message.status === 'streaming';
  const retryable = last && !busy && message.error?.retryable === true;
  // The same question again, from the conversation: a regenerate of this answer.
  const resend = last && !busy && canResend(message, connectionSavedAt) ? () => actions.onRegenerate(message.id) : undefined;
  return (
    <article class="chat-message chat-assistant" aria-label={t('chatAssistant')} aria-busy={streaming}>
      {message.content || (live && !live.empty) ? (
        <MarkdownView
          text={message.content}
          live={streaming ? live : null}
          onCopyCode={actions.onCopyCode}
          renderNowChars={renderNowChars}
        />
      ) : (
        streaming && <p class="chat-waiting">{t('chatWaiting')}</p>
      )}
      {message.reasoning && !streaming && (
        <details class="chat-reasoning">
          <summary>{t('chatReasoning')}</summary>
          <p class="chat-reasoning-text">{message.reasoning}</p>
        </details>
      )}
      {message.status === 'stopped' && <p class="chat-mark">{t('chatStopped')}</p>}
      {message.status === 'interrupted' && <p class="chat-mark chat-mark-warning">{t('chatInterrupted')}</p>}
      {message.error && !streaming && (
        <ErrorNotice
          error={message.error}
          onRetry={retryable ? () => actions.onRegenerate(message.id) : undefined}
          onOverride={last && !busy ? () => actions.onOverride(message.id) : undefined}
          onOpenSettings={actions.onOpenSettings}
          onConnect={actions.onConnect}
          onResend={resend}
        />
      )}
      {!streaming && (
        <div class="chat-actions">
          {message.content && (
            <IconButton class="quiet" label={t('copy')} icon={<CopyIcon />} onClick={() => actions.onCopy(message.content)} />
          )}
          {/* After a failure asking again cannot help: the notice offers Retry or the fix instead. */}
          {last && !message.error && (
            <IconButton
              class="quiet"
              label={t('chatRegenerate')}
              icon={<RetryIcon />}
              disabled={busy}
              onClick={() => actions.onRegenerate(message.id)}
            />
          )}
        </div>
      )}
      {message.usage && <UsageFooter usage={message.usage} cnyPerUsd={cnyPerUsd} />}
    </article>
  );
}

/**
 * One message of the log. Re-renders only when its own props change (renderNowChars aside: it
 * only counts when the message first shows), so a streaming answer costs the same per chunk
 * however long the conversation above it is.
 */
export class ChatMessageView extends Component<ChatMessageProps> {
  shouldComponentUpdate(next: ChatMessageProps): boolean {
    const current = this.props;
    return (
      next.message !== current.message ||
      next.last !== current.last ||
      next.busy !== current.busy ||
      next.cnyPerUsd !== current.cnyPerUsd ||
      next.actions !== current.actions ||
      next.live !== current.live ||
      next.connectionSavedAt !== current.connectionSavedAt
    );
  }

  render() {
    const { message } = this.props;
    if (message.role === 'assistant') return <AnswerView {...this.props} />;
    return (
      <article class="chat-message chat-user" aria-label={t('chatYou')}>
        <UserText text={message.content} />
      </article>
    );
  }
}
