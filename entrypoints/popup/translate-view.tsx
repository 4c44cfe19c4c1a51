import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TranslateBox } from '@/components/translate/box';
import { t } from '@/utils/i18n';
import { sendMessage, wireOf } from '@/utils/messaging';
import { translateDraftItem, updateSettings } from '@/utils/settings';
import { isSiteOff, normalizeSite } from '@/utils/translate/site-list';
import { planTranslation } from '@/utils/translate/target';
import { copyText } from '@/utils/ui/clipboard';
import { useSettings } from '@/utils/ui/use-settings';
import { useDictation } from '@/utils/transcribe/ui/use-dictation';
import { finishNotice, tooLargeError, useTranslation } from '@/utils/translate/ui/use-translation';

/** The site of the tab the popup was opened over, when it is a web page. */
function useActiveSite(): string | undefined {
  const [site, setSite] = useState<string>();
  useEffect(() => {
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => {
        const url = tab?.url ? new URL(tab.url) : undefined;
        if (url && /^https?:$/.test(url.protocol)) setSite(normalizeSite(url.hostname) ?? undefined);
      })
      .catch(() => {});
  }, []);
  return site;
}

/**
 * The popup's Translate tab: the same translate action as the in-page card, for pasted text.
 * `autoStart` (the chat's "Translate a selection", which put the selection in the box) translates
 * what the box holds as soon as it is loaded.
 */
export function TranslateView({ autoStart = false }: { autoStart?: boolean }) {
  const settings = useSettings();
  const [text, setText] = useState('');
  const [chosenTarget, setChosenTarget] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [notice, setNotice] = useState<string>();
  const translation = useTranslation();
  const site = useActiveSite();
  const { state } = translation;

  // What was typed survives closing the popup (the translation itself is not kept: it is aborted).
  const [loaded, setLoaded] = useState(false);
  useEffect(
    () =>
      void translateDraftItem.getValue().then((value) => {
        setText(value);
        setLoaded(true);
      }),
    [],
  );
  const changeText = (value: string) => {
    setText(value);
    void translateDraftItem.setValue(value);
  };

  const plan = useMemo(() => (settings && text.trim() ? planTranslation(text, settings) : undefined), [settings, text]);
  // Set on each render below: the effect starts the translation with what this render shows.
  const startNow = useRef<() => void>(() => {});
  const started = useRef(false);
  useEffect(() => {
    if (!autoStart || !loaded || !settings || started.current || !text.trim()) return;
    started.current = true;
    startNow.current();
  }, [autoStart, loaded, settings, text]);
  if (!settings) return null;
  const target = chosenTarget ?? plan?.target ?? settings.translateInto;

  const translate = (code = target) => {
    setCopied(false);
    setNotice(undefined);
    const tooLarge = tooLargeError(text, settings);
    if (tooLarge) return translation.fail(tooLarge);
    translation.start(text, code, plan?.source);
  };

  startNow.current = () => translate();
  const siteOff = site ? isSiteOff(site, settings.translateOffSites) : false;
  return (
    <>
      <TranslateBox
        text={text}
        source={plan?.source ?? 'und'}
        target={target}
        status={state.status}
        markdown={state.markdown}
        progress={state.progress}
        error={state.error}
        usage={state.usage}
        cnyPerUsd={settings.cnyPerUsd}
        notice={notice ?? finishNotice(state)}
        copied={copied}
        onText={changeText}
        onTarget={(code) => {
          setChosenTarget(code);
          if (state.status !== 'idle' && text.trim()) translate(code);
        }}
        onTranslate={() => translate()}
        onStop={() => translation.stop()}
        onCopy={() => void copyText(state.markdown).then((ok) => (ok ? setCopied(true) : setNotice(t('translateCopyFailed'))))}
        onResume={() => translation.resume()}
        onOverride={() =>
          void sendMessage('overrideBudget', null).then(
            () => translation.resume(),
            (error) => translation.fail(wireOf(error)),
          )
        }
        onOpenSettings={() => void browser.runtime.openOptionsPage()}
        useVoice={useDictation}
        ready={loaded}
      />
      {site && settings.translateButton && (
        <label class="checkbox site-toggle">
          <input
            type="checkbox"
            checked={!siteOff}
            onChange={(e) => {
              const others = settings.translateOffSites.filter((entry) => entry !== site && !isSiteOff(site, [entry]));
              void updateSettings({ translateOffSites: e.currentTarget.checked ? others : [...others, site] });
            }}
          />
          {t('translateButtonOnSite', { site })}
        </label>
      )}
    </>
  );
}
