import { formatNumber } from '@/utils/locale-format';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { PageTurn } from '@/utils/ask/types';
import type { PendingAsk } from '@/utils/ask/ui/use-page-ask';
import { ErrorNotice } from '@/components/error-notice';
import { MarkdownView } from '@/components/markdown-view';
import { UsageFooter } from '@/components/usage/footer';
import { CitedAnswer } from './cited-answer';

export interface AskLogProps {
  turns: PageTurn[];
  pending: PendingAsk | null;
  cnyPerUsd: number;
  onCite(turn: PageTurn, n: number): void;
  onRetry(question: string): void;
  onOpenSettings(): void;
  onCopyCode?(code: string): void;
}

/** "Used 14 of 380 passages, 5,200 tokens" under an answer. */
export function usedLine(turn: Pick<PageTurn, 'sent' | 'total' | 'tokens'>): string {
  return t('askPlanAfter', { sent: turn.sent.length, total: turn.total, tokens: formatNumber(turn.tokens) });
}

function Question({ text, selection }: { text: string; selection?: string }) {
  return (
    <article class="chat-message chat-user" aria-label={t('chatYou')}>
      {selection && (
        <p class="ask-selection">
          {t('askSelection', { text: selection.length > 200 ? `${selection.slice(0, 200)}…` : selection })}
        </p>
      )}
      <div class="chat-user-text">{text}</div>
    </article>
  );
}

function Answer({
  turn,
  cnyPerUsd,
  onCite,
  onCopyCode,
  onOpenSettings,
}: { turn: PageTurn } & Omit<AskLogProps, 'turns' | 'pending' | 'onRetry'>) {
  const sent = useMemo(() => new Set(turn.sent), [turn.sent]);
  return (
    <article class="chat-message chat-assistant" aria-label={t('chatAssistant')}>
      <CitedAnswer text={turn.answer} sent={sent} onCite={(n) => onCite(turn, n)} onCopyCode={onCopyCode} />
      {turn.status === 'stopped' && <p class="chat-mark">{t('chatStopped')}</p>}
      {turn.error && <ErrorNotice error={turn.error} onOpenSettings={onOpenSettings} />}
      <p class="ask-used">{usedLine(turn)}</p>
      {turn.usage && <UsageFooter usage={turn.usage} cnyPerUsd={cnyPerUsd} />}
    </article>
  );
}

/** The conversation about the page, as a log region; follows new text to the bottom. */
export function AskLog(props: AskLogProps) {
  const { turns, pending } = props;
  const log = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = log.current!;
    element.scrollTop = element.scrollHeight;
  }, [turns.length, pending?.answer.length, pending?.question]);
  return (
    <div
      ref={log}
      class="chat-log"
      role="log"
      aria-label={t('chatConversationLabel')}
      aria-busy={pending !== null && !pending.error}
    >
      {turns.length === 0 && !pending && <p class="chat-empty">{t('chatEmpty')}</p>}
      {turns.map((turn) => (
        <div key={turn.id}>
          <Question text={turn.question} selection={turn.selection} />
          <Answer turn={turn} {...props} />
        </div>
      ))}
      {pending && (
        <div>
          <Question text={pending.question} />
          <article class="chat-message chat-assistant" aria-label={t('chatAssistant')} aria-busy={!pending.error}>
            {pending.answer ? (
              <MarkdownView text={pending.answer} />
            ) : (
              !pending.error && <p class="chat-waiting">{t('chatWaiting')}</p>
            )}
            {pending.error && (
              <ErrorNotice
                error={pending.error}
                onRetry={() => props.onRetry(pending.question)}
                onOpenSettings={props.onOpenSettings}
              />
            )}
          </article>
        </div>
      )}
    </div>
  );
}
