import type { WireError } from '@/utils/errors';
import { t } from '@/utils/i18n';
import type { ChatTurn } from '@/utils/llm/request';
import type { UsageReport } from '@/utils/llm/usage-report';
import { ErrorNotice } from '@/components/error-notice';
import { MarkdownView } from '@/components/markdown-view';
import { UsageFooter } from '@/components/usage/footer';

export interface PageThreadProps {
  turns: ChatTurn[];
  pending: { question: string; answer: string } | null;
  busy: boolean;
  error: WireError | null;
  usage: UsageReport | null;
  cnyPerUsd: number;
  /** The question being typed (kept by the page, so nothing typed is lost). */
  question: string;
  onQuestionChange(question: string): void;
  onAsk(question: string): void;
  onStop(): void;
  onRetry(): void;
  onOverride(): void;
  onOpenSettings(): void;
  onCopyCode?(code: string): void;
}

function Turn({ turn, onCopyCode }: { turn: ChatTurn; onCopyCode?(code: string): void }) {
  const { role, content } = turn;
  return role === 'user' ? (
    <div class="thread-question">
      <strong>{t('askYou')}:</strong> {content}
    </div>
  ) : (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: a generic div cannot be named; the fix (a role, e.g. <article> like chat answers) would change what screen readers announce, so it is left for a deliberate a11y change.
    <div class="thread-answer" aria-label={t('askGlance')}>
      <MarkdownView text={content} onCopyCode={onCopyCode} />
    </div>
  );
}

/** Follow-up questions about the page, answered from its text; the form to ask one more. */
export function PageThread(props: PageThreadProps) {
  const { turns, pending, busy, error, usage, question } = props;
  const submit = (event: Event) => {
    event.preventDefault();
    if (!busy && question.trim()) props.onAsk(question.trim());
  };
  return (
    <section class="page-thread" aria-label={t('askHeading')}>
      {turns.map((turn, index) => (
        <Turn key={index} turn={turn} onCopyCode={props.onCopyCode} />
      ))}
      {pending && <Turn turn={{ role: 'user', content: pending.question }} />}
      {pending?.answer && <Turn turn={{ role: 'assistant', content: pending.answer }} onCopyCode={props.onCopyCode} />}
      {error && (
        <ErrorNotice error={error} onRetry={props.onRetry} onOverride={props.onOverride} onOpenSettings={props.onOpenSettings} />
      )}
      {usage && !busy && <UsageFooter usage={usage} cnyPerUsd={props.cnyPerUsd} />}
      <form class="ask-form" onSubmit={submit}>
        <label for="ask-question">{t('askLabel')}</label>
        <div class="row">
          <textarea
            id="ask-question"
            rows={2}
            placeholder={t('askPlaceholder')}
            value={question}
            onInput={(event) => props.onQuestionChange(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter asks; Shift+Enter (or an IME composing Chinese) makes a new line.
              if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) submit(event);
            }}
          />
          {busy ? (
            <button type="button" onClick={props.onStop}>
              {t('stop')}
            </button>
          ) : (
            <button type="submit" class="primary" disabled={!question.trim()}>
              {t('askSend')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
