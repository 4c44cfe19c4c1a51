import { LANGUAGE_CODES, LANGUAGES } from '@/utils/languages';

export interface LanguageSelectProps {
  value: string;
  onChange(code: string): void;
  id?: string;
  /** The accessible name, where no visible <label for> names the select. */
  label?: string;
}

/** A language picker; each language named in its own language, as readers look for it. */
export function LanguageSelect({ value, onChange, id, label }: LanguageSelectProps) {
  return (
    <select id={id} aria-label={label} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
      {LANGUAGE_CODES.map((code) => (
        <option key={code} value={code}>
          {LANGUAGES[code]!.native}
        </option>
      ))}
    </select>
  );
}
