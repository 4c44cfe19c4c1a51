import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ChatMessage } from '../utils/chat-types';
import { t } from '../utils/i18n';
import { ChatMessageView, type ChatMessageActions } from './chat-message';

export interface ChatLogProps {
  messages: ChatMessage[];
  streamingId: string | null;
  cnyPerUsd: number;
  actions: ChatMessageActions;
}

/** How close to the bottom (px) still counts as "reading the newest text". */
const STICK_PX = 48;

/**
 * The conversation, as a log region. Follows a streaming answer while the reader is at the
 * bottom, and leaves the scroll alone once they scroll up to read. The scroll position is
 * adjusted at most once per frame, however many chunks arrive in it.
 */
export function ChatLog({ messages, streamingId, cnyPerUsd, actions }: ChatLogProps) {
  const log = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const frame = useRef(0);
  const lastAnswer = messages.findLastIndex((message) => message.role === 'assistant');
  const lastIsAnswer = lastAnswer === messages.length - 1;

  useLayoutEffect(() => {
    if (!stick.current || frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const element = log.current;
      if (element) element.scrollTop = element.scrollHeight;
    });
  }, [messages]);

  useLayoutEffect(() => () => cancelAnimationFrame(frame.current), []);

  const onScroll = () => {
    const element = log.current!;
    stick.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICK_PX;
  };

  return (
    <div ref={log} class="chat-log" role="log" aria-label={t('chatConversationLabel')} aria-busy={streamingId !== null} onScroll={onScroll}>
      {messages.length === 0 && <p class="chat-empty">{t('chatEmpty')}</p>}
      {messages.map((message, index) => (
        <ChatMessageView
          key={message.id}
          message={message}
          last={lastIsAnswer && index === lastAnswer}
          busy={streamingId !== null}
          cnyPerUsd={cnyPerUsd}
          actions={actions}
        />
      ))}
    </div>
  );
}
