import { useEffect } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { formatCost } from '@/utils/llm/pricing';
import { formatNumber } from '@/utils/locale-format';
import type { PanelActionView } from '@/utils/actions/types';
import { useActionRun } from '@/utils/actions/ui/use-action-run';
import { ErrorNotice } from '@/components/error-notice';
import { MarkdownView } from '@/components/markdown-view';
import { UsageFooter } from '@/components/usage/footer';
import '@/components/chat/chat.css';
import './panel-answer.css';

export interface PanelActionAnswerProps {
  view: PanelActionView;
  cnyPerUsd: number;
  onCopy(text: string): void;
  onOpenSettings(): void;
  onClose(): void;
}

/** "1,234 tokens sent · $0.0004 before the answer": what the request costs before anything comes back. */
function estimateLine(view: PanelActionView, cnyPerUsd: number): string {
  const tokens = formatNumber(view.tokens);
  return view.costUsd === null
    ? t('actionPreviewNoPrice', { tokens, model: view.model })
    : t('actionPreviewCost', { tokens, cost: formatCost(view.costUsd, cnyPerUsd) });
}

/**
 * A selection action answered in the side panel: the user's turn named after the action, with the
 * selection it ran on, what it sends and costs, then the answer as it streams and its usage.
 * Unlike the page's card it may show money: this is Glance's own page.
 */
export function PanelActionAnswer({ view, cnyPerUsd, onCopy, onOpenSettings, onClose }: PanelActionAnswerProps) {
  const run = useActionRun();
  const { state } = run;
  useEffect(() => run.startPanel(view.id, view.tabId), []);
  const working = state.status === 'working' || state.status === 'idle';
  return (
    <section class="panel-action" aria-label={view.name}>
      <article class="chat-message chat-user" aria-label={t('chatYou')}>
        <p class="panel-action-name">{t('panelActionFrom', { name: view.name })}</p>
        <div class="chat-user-text">{view.selection}</div>
      </article>
      <p class="ask-used">{estimateLine(view, cnyPerUsd)}</p>
      <article class="chat-message chat-assistant" aria-label={t('chatAssistant')} aria-busy={working}>
        {state.markdown ? (
          <MarkdownView text={state.markdown} onCopyCode={onCopy} />
        ) : (
          working && <p class="chat-waiting">{t('chatWaiting')}</p>
        )}
        {state.status === 'error' && state.error && <ErrorNotice error={state.error} onOpenSettings={onOpenSettings} />}
        {state.finishReason === 'length' && <p class="chat-mark">{t('actionTruncated')}</p>}
        <div class="chat-actions">
          {working ? (
            <button type="button" onClick={run.stop}>
              {t('stop')}
            </button>
          ) : (
            state.markdown && (
              <button type="button" onClick={() => onCopy(state.markdown)}>
                {t('copy')}
              </button>
            )
          )}
          <button type="button" onClick={onClose} disabled={working}>
            {t('close')}
          </button>
        </div>
        {state.usage && <UsageFooter usage={state.usage} cnyPerUsd={cnyPerUsd} />}
      </article>
    </section>
  );
}
