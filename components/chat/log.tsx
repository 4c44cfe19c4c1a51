import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ChatMessage } from '@/utils/chat/types';
import { t } from '@/utils/i18n';
import type { LiveText } from '@/utils/live-text';
import { ChatMessageView, type ChatMessageActions } from './message';

export interface ChatLogProps {
  messages: ChatMessage[];
  streamingId: string | null;
  /** The streaming answer's text as it grows. */
  live?: LiveText | null;
  cnyPerUsd: number;
  actions: ChatMessageActions;
  /** When the connection was last saved (epoch ms): a failed last answer from before offers "Resend". */
  connectionSavedAt?: number;
  /** Buttons an empty conversation offers to start with (Summarize this page, Explain...). */
  starters?: ComponentChildren;
}

/** How close to the bottom (px) still counts as "reading the newest text". */
const STICK_PX = 48;

/**
 * How much of the conversation's end (Markdown characters) renders before the log is first
 * painted; earlier answers and the start of a long last one follow in later tasks, the nearest
 * first. More than a popup's height of text, so the reader at the bottom sees no gap.
 */
export const RENDER_NOW_CHARS = 3_000;

/** Each message's share of RENDER_NOW_CHARS: the budget left after the messages below it. */
function renderNowBudgets(messages: ChatMessage[]): number[] {
  const budgets: number[] = new Array(messages.length);
  let left = RENDER_NOW_CHARS;
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    budgets[index] = left;
    left = Math.max(0, left - messages[index]!.content.length);
  }
  return budgets;
}

/**
 * The conversation, as a log region. Follows a streaming answer while the reader is at the
 * bottom, and leaves the scroll alone once they scroll up to read. It follows the content's size
 * (a ResizeObserver, after layout, once a frame), not each chunk: chunks do not render this.
 */
export function ChatLog({ messages, streamingId, live, cnyPerUsd, actions, connectionSavedAt = 0, starters }: ChatLogProps) {
  const log = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const lastAnswer = messages.findLastIndex((message) => message.role === 'assistant');
  const lastIsAnswer = lastAnswer === messages.length - 1;
  const budgets = renderNowBudgets(messages);

  useLayoutEffect(() => {
    const follow = () => {
      const element = log.current;
      if (element && stick.current) element.scrollTop = element.scrollHeight;
    };
    follow();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(follow);
    observer.observe(content.current!);
    return () => observer.disconnect();
  }, []);

  // A new message (the user's own, or a conversation opened) brings the reader to the end.
  useLayoutEffect(() => {
    stick.current = true;
    const element = log.current!;
    element.scrollTop = element.scrollHeight;
  }, [messages.length]);

  const onScroll = () => {
    const element = log.current!;
    stick.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICK_PX;
  };

  return (
    <div
      ref={log}
      class="chat-log"
      role="log"
      aria-label={t('chatConversationLabel')}
      aria-busy={streamingId !== null}
      onScroll={onScroll}
    >
      <div ref={content}>
        {messages.length === 0 && (
          <div class="chat-empty">
            <p>{t('chatEmpty')}</p>
            {starters && (
              <fieldset class="chat-starters" aria-label={t('chatStarters')}>
                {starters}
              </fieldset>
            )}
          </div>
        )}
        {messages.map((message, index) => (
          <ChatMessageView
            key={message.id}
            message={message}
            last={lastIsAnswer && index === lastAnswer}
            busy={streamingId !== null}
            live={message.id === streamingId ? live : null}
            cnyPerUsd={cnyPerUsd}
            actions={actions}
            connectionSavedAt={lastIsAnswer && index === lastAnswer ? connectionSavedAt : 0}
            renderNowChars={budgets[index]}
          />
        ))}
      </div>
    </div>
  );
}
