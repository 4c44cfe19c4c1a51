import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { LANGUAGE_CODES, LANGUAGES } from '@/utils/languages';

export interface SummarySettingsValues {
  summaryLanguage: string;
  summaryConfirmAboveUsd: number;
  summaryMaxInput: number;
  summaryConcurrency: number;
}

export interface SummarySettingsProps extends SummarySettingsValues {
  onChange(patch: Partial<SummarySettingsValues>): void;
}

interface NumberFieldProps {
  id: string;
  label: string;
  hint: string;
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  onCommit(value: number): void;
}

/**
 * A number setting that saves only valid values. What is typed stays in the box either way; an
 * out-of-range value gets a message saying what is accepted.
 */
function NumberField({ id, label, hint, value, min, max, integer = true, onCommit }: NumberFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? String(value);
  const parsed = Number(shown.trim().replace(',', '.'));
  const valid =
    shown.trim() !== '' && Number.isFinite(parsed) && parsed >= min && parsed <= max && (!integer || Number.isInteger(parsed));
  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        value={shown}
        aria-invalid={!valid}
        aria-describedby={`${id}-hint`}
        onInput={(event) => {
          const text = event.currentTarget.value;
          setDraft(text);
          const number = Number(text.trim().replace(',', '.'));
          if (
            text.trim() !== '' &&
            Number.isFinite(number) &&
            number >= min &&
            number <= max &&
            (!integer || Number.isInteger(number))
          ) {
            onCommit(number);
          }
        }}
      />
      <p id={`${id}-hint`} class={valid ? 'hint' : 'hint warning'} role={valid ? undefined : 'alert'}>
        {valid ? hint : t('numberOutOfRange', { min, max: max.toLocaleString() })}
      </p>
    </>
  );
}

/** The summary preferences: language, when to ask before spending, request size, concurrency. */
export function SummarySettings(props: SummarySettingsProps) {
  return (
    <section class="card">
      <h2>{t('summarySettingsHeading')}</h2>
      <label for="summary-language">{t('summaryLanguageLabel')}</label>
      <select
        id="summary-language"
        value={props.summaryLanguage}
        onChange={(e) => props.onChange({ summaryLanguage: e.currentTarget.value })}
      >
        <option value="auto">{t('summaryLanguageAuto')}</option>
        {LANGUAGE_CODES.map((code) => (
          <option key={code} value={code}>
            {LANGUAGES[code]!.native}
          </option>
        ))}
      </select>
      <NumberField
        id="summary-confirm"
        label={t('summaryConfirmLabel')}
        hint={t('summaryConfirmHint')}
        value={props.summaryConfirmAboveUsd}
        min={0}
        max={100}
        integer={false}
        onCommit={(value) => props.onChange({ summaryConfirmAboveUsd: value })}
      />
      <NumberField
        id="summary-max-input"
        label={t('summaryMaxInputLabel')}
        hint={t('summaryMaxInputHint')}
        value={props.summaryMaxInput}
        min={0}
        max={2_000_000}
        onCommit={(value) => props.onChange({ summaryMaxInput: value })}
      />
      <NumberField
        id="summary-concurrency"
        label={t('summaryConcurrencyLabel')}
        hint={t('summaryConcurrencyHint')}
        value={props.summaryConcurrency}
        min={1}
        max={8}
        onCommit={(value) => props.onChange({ summaryConcurrency: value })}
      />
    </section>
  );
}
