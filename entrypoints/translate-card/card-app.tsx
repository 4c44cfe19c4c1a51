import { useEffect, useMemo, useState } from 'preact/hooks';
import { TranslationCard } from '@/components/translate/card';
import { resolveLocale, setLocale, t, type MessageKey } from '@/utils/i18n';
import { sendMessage, wireOf } from '@/utils/messaging';
import { bridge, type SelectionSnapshot } from '@/utils/translate/page/card-bridge';
import { copyToClipboard, replaceSelection } from '@/utils/translate/page/edit-actions';
import { FOR_TRANSLATION, rangeToMarkdown } from '@/utils/page/selection-markdown';
import type { PageSettings } from '@/utils/translate/types';
import { isSiteOff } from '@/utils/translate/site-list';
import { planTranslation } from '@/utils/translate/target';
import { finishNotice, tooLargeError, useTranslation } from '@/utils/translate/ui/use-translation';

export interface CardAppProps {
  snapshot?: SelectionSnapshot;
  /** Why there is nothing to translate (no selection, a password field). */
  refusal?: MessageKey;
  onClose(): void;
}

/** The text to translate: a page selection as light Markdown (structure, code blocks), a field's as typed. */
function sourceOf(snapshot: SelectionSnapshot | undefined): string {
  if (!snapshot) return '';
  if (snapshot.range && !snapshot.field) return rangeToMarkdown(snapshot.range, FOR_TRANSLATION) || snapshot.text;
  return snapshot.text;
}

/** The card's behaviour: settings, detection, the translation stream, Copy and Replace. */
export function CardApp({ snapshot, refusal, onClose }: CardAppProps) {
  const [settings, setSettings] = useState<PageSettings>();
  const [chosenTarget, setChosenTarget] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [replaced, setReplaced] = useState(false);
  const translation = useTranslation();
  const { state } = translation;
  const text = useMemo(() => sourceOf(snapshot), [snapshot]);
  const plan = useMemo(() => (settings ? planTranslation(text, settings) : undefined), [settings, text]);

  useEffect(() => {
    sendMessage('getPageSettings', null).then(
      (loaded) => {
        setLocale(resolveLocale(loaded.uiLanguage), { documentLang: false });
        setSettings(loaded);
      },
      (error) => translation.fail(wireOf(error)),
    );
  }, []);

  useEffect(() => {
    if (!settings || !plan || refusal || !snapshot) return;
    const tooLarge = tooLargeError(text, settings);
    if (tooLarge) return translation.fail(tooLarge);
    translation.start(text, plan.target, plan.source);
  }, [settings]);

  const restart = (code: string) => {
    setChosenTarget(code);
    setNotice(undefined);
    setReplaced(false);
    if (plan && !refusal) translation.start(text, code, plan.source);
  };

  const copy = async (value: string) => {
    const ok = await copyToClipboard(value);
    setCopied(ok);
    setNotice(ok ? undefined : t('translateCopyFailed'));
  };

  const target = chosenTarget ?? plan?.target ?? 'zh-CN';
  const offerButton =
    !!settings && settings.translateButton && !bridge().button && !isSiteOff(location.hostname, settings.translateOffSites);

  return (
    <TranslationCard
      source={plan?.source ?? 'und'}
      target={target}
      markdown={state.markdown}
      status={refusal ? 'idle' : settings || state.status === 'error' ? state.status : 'working'}
      progress={state.progress}
      error={state.error}
      notice={refusal ? t(refusal) : (notice ?? finishNotice(state))}
      canReplace={!!snapshot && !!(snapshot.field || snapshot.editable)}
      copied={copied}
      replaced={replaced}
      offerButton={offerButton}
      onTargetChange={restart}
      onCopy={() => void copy(state.markdown)}
      onCopyCode={(code) => void copy(code)}
      onReplace={() => {
        const ok = !!snapshot && replaceSelection(snapshot, state.markdown);
        setReplaced(ok);
        setNotice(ok ? undefined : t('translateReplaceFailed'));
      }}
      onRetry={() => restart(target)}
      onResume={() => translation.resume()}
      onOpenGlance={() => void sendMessage('openSettings', { section: 'usage' }).catch(() => {})}
      onOpenSettings={() => void sendMessage('openSettings', {}).catch(() => {})}
      onTurnOnButton={() => void sendMessage('openSettings', { section: 'translate' }).catch(() => {})}
      onClose={onClose}
    />
  );
}
