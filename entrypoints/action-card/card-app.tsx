import { useEffect, useState } from 'preact/hooks';
import { ActionCard } from '@/components/actions/card';
import { resolveLocale, setLocale, t } from '@/utils/i18n';
import { sendMessage, wireOf } from '@/utils/messaging';
import type { ToolbarAction } from '@/utils/actions/types';
import { runInputOf } from '@/utils/actions/page/context';
import { useActionRun } from '@/utils/actions/ui/use-action-run';
import type { SelectionSnapshot } from '@/utils/translate/page/card-bridge';
import { copyToClipboard, replaceSelection } from '@/utils/translate/page/edit-actions';

export interface ActionCardAppProps {
  snapshot: SelectionSnapshot;
  action: ToolbarAction;
  onClose(): void;
}

/** The action card's behaviour: the run's stream, Ask's question box, Copy and Replace. */
export function ActionCardApp({ snapshot, action, onClose }: ActionCardAppProps) {
  const [ready, setReady] = useState(false);
  const [question, setQuestion] = useState<string | undefined>(action.ask ? snapshot.text : undefined);
  const [sent, setSent] = useState(snapshot.text);
  const [notice, setNotice] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [replaced, setReplaced] = useState(false);
  const run = useActionRun();
  const { state } = run;

  useEffect(() => {
    sendMessage('getPageSettings', null).then(
      (loaded) => {
        setLocale(resolveLocale(loaded.uiLanguage), { documentLang: false });
        setReady(true);
        if (!action.ask) run.start(runInputOf(action, snapshot));
      },
      (error) => run.fail(wireOf(error)),
    );
  }, []);

  const restart = (text = sent) => {
    setNotice(undefined);
    setReplaced(false);
    setCopied(false);
    run.start(runInputOf(action, snapshot, text));
  };

  const copy = async (value: string) => {
    const ok = await copyToClipboard(value);
    setCopied(ok);
    setNotice(ok ? undefined : t('actionCopyFailed'));
  };

  return (
    <ActionCard
      name={action.name}
      markdown={state.markdown}
      status={ready || state.status === 'error' ? state.status : 'working'}
      error={state.error}
      notice={notice ?? (state.finishReason === 'length' ? t('actionTruncated') : undefined)}
      question={question}
      canReplace={action.replace && !!(snapshot.field || snapshot.editable)}
      copied={copied}
      replaced={replaced}
      onQuestionChange={setQuestion}
      onSend={() => {
        const text = question ?? '';
        setQuestion(undefined);
        setSent(text);
        restart(text);
      }}
      onCopy={() => void copy(state.markdown)}
      onCopyCode={(code) => void copy(code)}
      onReplace={() => {
        const ok = replaceSelection(snapshot, state.markdown.trim());
        setReplaced(ok);
        setNotice(ok ? undefined : t('actionReplaceFailed'));
      }}
      onRetry={() => restart()}
      onOpenGlance={() => void sendMessage('openSettings', { section: 'usage' }).catch(() => {})}
      onOpenSettings={() => void sendMessage('openSettings', {}).catch(() => {})}
      onClose={onClose}
    />
  );
}
