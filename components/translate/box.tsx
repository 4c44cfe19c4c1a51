import type { WireError } from '@/utils/errors';
import { t } from '@/utils/i18n';
import { LANGUAGES } from '@/utils/languages';
import type { UsageReport } from '@/utils/llm/usage-report';
import { ErrorNotice } from '@/components/error-notice';
import { LanguageSelect } from '@/components/language-select';
import { MarkdownView } from '@/components/markdown-view';
import { UsageFooter } from '@/components/usage/footer';

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
}

/** The popup's Translate view: paste text, pick the language, read the translation as it streams. */
export function TranslateBox(props: TranslateBoxProps) {
  const working = props.status === 'working';
  const language = props.source === 'und' ? t('languageUnknown') : (LANGUAGES[props.source]?.native ?? props.source);
  return (
    <section class="translate-box">
      <label for="translate-input">{t('translateInputLabel')}</label>
      <textarea
        id="translate-input"
        rows={5}
        value={props.text}
        placeholder={t('translateInputPlaceholder')}
        onInput={(e) => props.onText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !working) props.onTranslate();
        }}
      />
      <div class="row translate-controls">
        {props.text.trim() && <span class="hint">{t('translateFrom', { language })} →</span>}
        <LanguageSelect value={props.target} label={t('translateIntoLabel')} onChange={props.onTarget} />
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
