import { formatNumber } from '@/utils/locale-format';
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n';
import { LanguageSelect } from '@/components/language-select';
import { SettingsCard } from '@/components/settings-card';

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
        {valid ? hint : t('numberOutOfRange', { min, max: formatNumber(max) })}
      </p>
    </>
  );
}

/** The number settings, in the order shown: money (cents allowed), then counts. */
const NUMBER_FIELDS = [
  {
    key: 'summaryConfirmAboveUsd',
    id: 'summary-confirm',
    label: 'summaryConfirmLabel',
    hint: 'summaryConfirmHint',
    min: 0,
    max: 100,
  },
  {
    key: 'summaryMaxInput',
    id: 'summary-max-input',
    label: 'summaryMaxInputLabel',
    hint: 'summaryMaxInputHint',
    min: 0,
    max: 2_000_000,
  },
  {
    key: 'summaryConcurrency',
    id: 'summary-concurrency',
    label: 'summaryConcurrencyLabel',
    hint: 'summaryConcurrencyHint',
    min: 1,
    max: 8,
  },
] as const satisfies readonly {
  key: Exclude<keyof SummarySettingsValues, 'summaryLanguage'>;
  id: string;
  label: MessageKey;
  hint: MessageKey;
  min: number;
  max: number;
}[];

/** The summary preferences: language, when to ask before spending, request size, concurrency. */
export function SummarySettings(props: SummarySettingsProps) {
  return (
    <SettingsCard heading={t('summarySettingsHeading')}>
      <label for="summary-language">{t('summaryLanguageLabel')}</label>
      <LanguageSelect
        id="summary-language"
        value={props.summaryLanguage}
        autoLabel={t('summaryLanguageAuto')}
        onChange={(code) => props.onChange({ summaryLanguage: code })}
      />
      {NUMBER_FIELDS.map((field) => (
        <NumberField
          key={field.key}
          id={field.id}
          label={t(field.label)}
          hint={t(field.hint)}
          value={props[field.key]}
          min={field.min}
          max={field.max}
          integer={field.key !== 'summaryConfirmAboveUsd'}
          onCommit={(value) => props.onChange({ [field.key]: value })}
        />
      ))}
    </SettingsCard>
  );
}
