import { formatNumber } from '@/utils/locale-format';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useDictation } from '@/utils/transcribe/ui/use-dictation';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import type { ChatEstimate } from '@/utils/chat/types';
import type { EstimateState } from '@/utils/chat/ui/use-chat-estimate';
import { formatCost } from '@/utils/llm/pricing';
import { conversationsToMarkdown } from '@/utils/ask/export';
import { saveTextFile } from '@/utils/ui/download';
import type { AskPlanView, PageTurn } from '@/utils/ask/types';
import { usePageAsk } from '@/utils/ask/ui/use-page-ask';
import { ChatComposer } from '@/components/chat/composer';
import { ErrorNotice } from '@/components/error-notice';
import { useLazy } from '@/utils/ui/use-lazy';
import type { AskLog as AskLogType } from './ask-log';
import '@/components/chat/chat.css';
import './ask.css';

export interface AskPanelProps {
  tabId: number;
  /** The page's address (its conversation is kept under it). */
  url: string;
  cnyPerUsd: number;
  onSummarize(): void;
  onOpenSettings(): void;
  onCopy(text: string): void;
}

/** The conversation (and the Markdown renderer it needs) loads beside the composer, not before it. */
const loadLog = () => import('./ask-log').then((module) => module.AskLog);

/** The plan as the chat composer's estimate: the same "Next request: N tokens · cost" line. */
function estimateOf(plan: AskPlanView | null, counting: boolean): EstimateState {
  const estimate: ChatEstimate | null = plan && {
    model: plan.model,
    exact: plan.exact,
    costUsd: plan.costUsd,
    promptTokens: plan.promptTokens,
    messageTokens: plan.promptTokens,
    historyIncluded: 0,
    historyTotal: 0,
    historyTokens: 0,
    inputLimit: plan.inputLimit,
    fits: plan.promptTokens <= plan.inputLimit,
  };
  return { estimate, counting, tooManyChars: false, error: null };
}

/**
 * Asking about the page: every answer cites the page's numbered passages, and a citation shows
 * its passage on the page. Shows what each question sends ("used 14 of 380 passages") before and
 * after, and its cost before it is sent.
 */
export function AskPanel({ tabId, url, cnyPerUsd, onSummarize, onOpenSettings, onCopy }: AskPanelProps) {
  const [draft, setDraft] = useState('');
  const ask = usePageAsk(tabId, url, draft, '');
  const AskLog = useLazy<typeof AskLogType>(loadLog);
  const [notice, setNotice] = useState<string | null>(null);
  const estimate = useMemo(() => estimateOf(ask.plan, ask.counting), [ask.plan, ask.counting]);
  const section = useRef<HTMLElement>(null);
  // The composer focuses itself after the first paint; in the panel it is ready one frame sooner.
  useLayoutEffect(() => section.current?.querySelector('textarea')?.focus(), []);

  const send = (confirmed = false) => {
    if (ask.send(draft.trim(), { confirmed })) setDraft('');
  };
  const cite = useCallback(
    (turn: PageTurn, n: number) => {
      const passage = turn.passages.find((candidate) => candidate.n === n);
      if (!passage) return;
      setNotice(null);
      sendMessage('askShowCitation', {
        tabId,
        text: passage.text,
        nth: passage.nth,
        ...(passage.before ? { before: passage.before } : {}),
      }).then(
        ({ found }) => setNotice(found ? null : t('askCitationGone', { n })),
        () => setNotice(t('askCitationFailed', { n })),
      );
    },
    [tabId],
  );

  const exportAll = () => {
    sendMessage('askExport', null).then(
      (conversations) => saveTextFile('glance-page-questions.md', conversationsToMarkdown(conversations), 'text/markdown'),
      () => setNotice(t('error_disconnected')),
    );
  };

  const plan = ask.plan;
  return (
    <section ref={section} class="chat-panel ask-panel">
      <div class="chat-toolbar">
        <button type="button" onClick={ask.clear} disabled={ask.busy}>
          {t('chatNewChat')}
        </button>
        <button type="button" class="secondary" onClick={onSummarize}>
          {t('summarizePage')}
        </button>
        <button type="button" class="secondary" onClick={exportAll}>
          {t('askExport')}
        </button>
      </div>
      {AskLog ? (
        <AskLog
          turns={ask.turns}
          pending={ask.pending}
          cnyPerUsd={cnyPerUsd}
          onCite={cite}
          onRetry={(question) => ask.send(question, { confirmed: true })}
          onOpenSettings={onOpenSettings}
          onCopyCode={onCopy}
        />
      ) : (
        <div class="chat-log" role="log" aria-label={t('chatConversationLabel')} aria-busy="true" />
      )}
      {notice && (
        <p class="ask-notice" role="alert">
          {notice}
        </p>
      )}
      {ask.planError && draft.trim() && <ErrorNotice error={ask.planError} onOpenSettings={onOpenSettings} />}
      {plan?.selection && draft.trim() && <p class="ask-selection">{t('askSelection', { text: plan.selection })}</p>}
      {plan && draft.trim() && (
        <p class="ask-used" aria-live="polite">
          {t('askPlanBefore', {
            sent: plan.sentCount,
            total: plan.total,
            tokens: formatNumber(plan.pageTokens),
            estimate: plan.costUsd === null ? t('noPrice') : formatCost(plan.costUsd, cnyPerUsd),
          })}
        </p>
      )}
      {ask.confirming && plan && (
        <div class="ask-confirm">
          <p>{t('askConfirmText', { cost: plan.costUsd === null ? t('noPrice') : formatCost(plan.costUsd, cnyPerUsd) })}</p>
          <button type="button" class="primary" onClick={() => send(true)}>
            {t('askAnyway')}
          </button>
        </div>
      )}
      <ChatComposer
        draft={draft}
        streaming={ask.busy}
        estimate={estimate}
        cnyPerUsd={cnyPerUsd}
        onDraft={setDraft}
        onSend={() => send(false)}
        onStop={ask.stop}
        voiceComposer="sidepanel-ask"
        useVoice={useDictation}
      />
    </section>
  );
}
