import { LANGUAGE_CODES, LANGUAGES } from '@/utils/languages';

export interface LanguageSelectProps {
  value: string;
  onChange(code: string): void;
  id?: string;
  /** The accessible name, where no visible <label for> names the select. */
  label?: string;
  /** When set, a first option "auto" with this text (follow the interface language). */
  autoLabel?: string;
}

/** A language picker; each language named in its own language, as readers look for it. */
export function LanguageSelect({ value, onChange, id, label, autoLabel }: LanguageSelectProps) {
  return (
    <select id={id} aria-label={label} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
      {autoLabel && <option value="auto">{autoLabel}</option>}
      {LANGUAGE_CODES.map((code) => (
        <option key={code} value={code}>
          {LANGUAGES[code]!.native}
        </option>
      ))}
    </select>
  );
}
