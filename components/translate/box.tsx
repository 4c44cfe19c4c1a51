import type { WireError } from '@/utils/errors';
import { t } from '@/utils/i18n';
import { LANGUAGES } from '@/utils/languages';
import type { UsageReport } from '@/utils/llm/usage-report';
import { ErrorNotice } from '@/components/error-notice';
import { LanguageSelect } from '@/components/language-select';
import { MarkdownView } from '@/components/markdown-view';
import { UsageFooter } from '@/components/usage/footer';
import { VoiceButton, VoiceStatus } from '@/components/transcribe/voice-controls';
import type { DictationHook } from '@/utils/transcribe/ui/use-dictation';
import { useFieldDictation } from '@/utils/transcribe/ui/use-field-dictation';

export interface TranslateBoxProps {
  text: string;
  /** Detected language of the text ('und' when unknown or empty). */
  source: string;
  target: string;
  status: 'idle' | 'working' | 'done' | 'error';
  markdown: string;
  progress?: { done: number; total: number };
  error?: WireError;
  usage?: UsageReport;
  cnyPerUsd: number;
  notice?: string;
  copied: boolean;
  onText(text: string): void;
  onTarget(code: string): void;
  onTranslate(): void;
  onStop(): void;
  onCopy(): void;
  onResume(): void;
  onOverride(): void;
  onOpenSettings(): void;
  /** Turns on voice input in the box (the popup's dictation hook); its recordings come back here. */
  useVoice?: DictationHook;
  /** False while the box's kept text is still loading. */
  ready?: boolean;
}

/** The popup's Translate view: paste text, pick the language, read the translation as it streams. */
export function TranslateBox(props: TranslateBoxProps) {
  const working = props.status === 'working';
  const language = props.source === 'und' ? t('languageUnknown') : (LANGUAGES[props.source]?.native ?? props.source);
  // Dictated text goes in at the cursor; translating it is still the user's click.
  const { dictation, field, enabled } = useFieldDictation({
    composer: 'popup-translate',
    useVoice: props.useVoice,
    ready: props.ready ?? true,
    text: props.text,
    onText: props.onText,
  });
  const recording = dictation.phase === 'recording';
  return (
    <section class="translate-box">
      <label for="translate-input">{t('translateInputLabel')}</label>
      {enabled && <VoiceStatus dictation={dictation} cnyPerUsd={props.cnyPerUsd} />}
      <textarea
        id="translate-input"
        ref={field}
        rows={5}
        value={props.text}
        placeholder={t('translateInputPlaceholder')}
        onInput={(e) => props.onText(e.currentTarget.value)}
        onKeyDown={(e) => {
          // While recording, Enter stops the recording and Escape discards it.
          if (recording && (e.key === 'Enter' || e.key === 'Escape')) {
            e.preventDefault();
            if (e.key === 'Enter') dictation.toggle();
            else dictation.discard();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !working) props.onTranslate();
        }}
      />
      <div class="row translate-controls">
        {props.text.trim() && <span class="hint">{t('translateFrom', { language })} →</span>}
        <LanguageSelect value={props.target} label={t('translateIntoLabel')} onChange={props.onTarget} />
        {enabled && <VoiceButton dictation={dictation} />}
        {working ? (
          <button type="button" onClick={props.onStop}>
            {t('stop')}
          </button>
        ) : (
          <button type="button" class="primary" onClick={props.onTranslate} disabled={!props.text.trim()}>
            {t('translateRun')}
          </button>
        )}
      </div>
      <section class="translate-output" aria-label={t('translateOutputLabel')} aria-busy={working} dir="auto">
        {props.markdown && <MarkdownView text={props.markdown} />}
        {working && (
          <p class="hint" role="status">
            {props.progress && props.progress.total > 1
              ? t('translatingProgress', { done: props.progress.done, total: props.progress.total })
              : t('translating')}
          </p>
        )}
      </section>
      {props.status === 'error' && props.error && (
        <ErrorNotice
          error={props.error}
          onRetry={props.onResume}
          onOverride={props.onOverride}
          onOpenSettings={props.onOpenSettings}
        />
      )}
      {props.notice && <p class="hint">{props.notice}</p>}
      {props.markdown && (
        <div class="row">
          <button type="button" onClick={props.onCopy}>
            {props.copied ? t('copied') : t('copy')}
          </button>
        </div>
      )}
      {props.usage && <UsageFooter usage={props.usage} cnyPerUsd={props.cnyPerUsd} />}
    </section>
  );
}
