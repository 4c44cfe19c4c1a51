import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PageThread } from '@/components/summary/page-thread';
import { SummaryView } from '@/components/summary/view';
import type { Settings } from '@/utils/settings';
import { copyText } from '@/utils/ui/clipboard';
import { usePageSummary } from '@/utils/summary/ui/use-page-summary';
import { usePageThread } from '@/utils/summary/ui/use-page-thread';

const NO_TURNS: never[] = [];

function copy(text: string) {
  void copyText(text);
}

/**
 * The popup's Summary view: the target tab's summary and the follow-up questions about it.
 * `autoStart` (`?run=1` from the context menu or shortcut, or the chat's "Summarize page")
 * starts summarizing as soon as the page is read.
 */
export function SummaryPanel({ settings, autoStart }: { settings: Settings; autoStart: boolean }) {
  const summary = usePageSummary({ autoStart });
  const thread = usePageThread(summary.tabId, summary.inspection?.stored?.thread ?? NO_TURNS, summary.wholePage);
  const [question, setQuestion] = useState('');
  const openSettings = () => void browser.runtime.openOptionsPage();
  // The box empties when a question is sent; a question that fails stays in the thread with Retry.
  const ask = (text: string) => {
    thread.ask(text);
    setQuestion('');
  };
  return (
    <SummaryView
      phase={summary.phase}
      inspection={summary.inspection}
      text={summary.text}
      progress={summary.progress}
      parts={summary.parts}
      wholePage={summary.wholePage}
      onChooseWholePage={summary.chooseWholePage}
      usage={summary.usage}
      error={summary.error}
      cachedAt={summary.cachedAt}
      cnyPerUsd={settings.cnyPerUsd}
      onSummarize={summary.summarize}
      onRegenerate={summary.regenerate}
      onConfirm={summary.confirm}
      onCancel={summary.cancel}
      onStop={summary.stop}
      onRetry={summary.retry}
      onOverride={summary.spendAnyway}
      onOpenSettings={openSettings}
      onCopy={copy}
    >
      <PageThread
        turns={thread.turns}
        pending={thread.pending}
        busy={thread.busy}
        error={thread.error}
        usage={thread.usage}
        cnyPerUsd={settings.cnyPerUsd}
        question={question}
        onQuestionChange={setQuestion}
        onAsk={ask}
        onStop={thread.stop}
        onRetry={thread.retry}
        onOverride={thread.spendAnyway}
        onOpenSettings={openSettings}
        onCopyCode={copy}
      />
    </SummaryView>
  );
}
