import { t } from '@/utils/i18n';
import { LanguageSelect } from '@/components/language-select';
import type { Status } from '@/utils/ui/status';

export interface TranslateSettingsProps {
  translateButton: boolean;
  /** Whether Glance may read every site; undefined while unknown. */
  access: boolean | undefined;
  /** The sites list as typed (one per line), saved when the field is left. */
  offSitesText: string;
  translateInto: string;
  secondLanguage: string;
  /** The limit as typed, saved when the field is left. */
  maxCharsText: string;
  /** The keyboard shortcut ('' when none is set; undefined when the browser does not say). */
  shortcut?: string;
  status: Status | null;
  onToggleButton(on: boolean): void;
  onAllowAllSites(): void;
  onOffSitesText(text: string): void;
  onOffSitesCommit(): void;
  onTranslateInto(code: string): void;
  onSecondLanguage(code: string): void;
  onMaxCharsText(text: string): void;
  onMaxCharsCommit(): void;
}

/** The Translation section of the settings page. */
export function TranslateSettings(props: TranslateSettingsProps) {
  return (
    <section class="card" aria-labelledby="translate-heading">
      <h2 id="translate-heading">{t('translateHeading')}</h2>
      <label class="checkbox">
        <input type="checkbox" checked={props.translateButton} onChange={(e) => props.onToggleButton(e.currentTarget.checked)} />
        {t('translateButtonLabel')}
      </label>
      {props.translateButton && props.access === false && (
        <div>
          <p class="hint warning">{t('translateButtonAccessNeeded')}</p>
          <button type="button" class="primary access-button" onClick={props.onAllowAllSites}>
            {t('translateAllowAllSites')}
          </button>
        </div>
      )}
      {props.translateButton && props.access === true && <p class="hint">{t('translateButtonAccessOk')}</p>}
      <label for="translate-off-sites">{t('translateOffSitesLabel')}</label>
      <textarea
        id="translate-off-sites"
        rows={3}
        spellcheck={false}
        value={props.offSitesText}
        onInput={(e) => props.onOffSitesText(e.currentTarget.value)}
        onBlur={props.onOffSitesCommit}
      />
      <p class="hint">{t('translateOffSitesHint')}</p>
      <label for="translate-into">{t('translateIntoLabel')}</label>
      <LanguageSelect id="translate-into" value={props.translateInto} onChange={props.onTranslateInto} />
      <label for="translate-second">{t('translateSecondLabel')}</label>
      <LanguageSelect id="translate-second" value={props.secondLanguage} onChange={props.onSecondLanguage} />
      <label for="translate-max-chars">{t('translateMaxCharsLabel')}</label>
      <input
        id="translate-max-chars"
        type="number"
        inputMode="numeric"
        min={100}
        max={1_000_000}
        step={1000}
        value={props.maxCharsText}
        onInput={(e) => props.onMaxCharsText(e.currentTarget.value)}
        onBlur={props.onMaxCharsCommit}
      />
      {props.shortcut !== undefined && (
        <p class="hint">{props.shortcut ? t('translateShortcut', { shortcut: props.shortcut }) : t('translateShortcutUnset')}</p>
      )}
      {/* Not a role=status: the page's one status line belongs to the connection form. */}
      {props.status && (
        <p class={`hint status-${props.status.kind}`} role={props.status.kind === 'error' ? 'alert' : undefined}>
          {props.status.text}
        </p>
      )}
    </section>
  );
}
