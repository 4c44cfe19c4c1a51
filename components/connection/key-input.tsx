import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';

export interface KeyInputProps {
  id: string;
  value: string;
  /** Shown when the field is empty: the saved key's hint, or how to get one. */
  placeholder: string;
  disabled?: boolean;
  onInput(value: string): void;
}

/** A masked key field with a reveal toggle. It only ever holds what the user typed. */
export function KeyInput({ id, value, placeholder, disabled, onInput }: KeyInputProps) {
  const [revealed, setRevealed] = useState(false);
  const field = {
    id,
    value,
    placeholder,
    disabled,
    autoComplete: 'off',
    spellcheck: false,
    onInput: (event: { currentTarget: HTMLInputElement }) => onInput(event.currentTarget.value),
  };
  return (
    <div class="key-input">
      {revealed ? <input type="text" {...field} /> : <input type="password" {...field} />}
      <button type="button" class="secondary" aria-pressed={revealed} disabled={disabled} onClick={() => setRevealed(!revealed)}>
        {revealed ? t('hideKey') : t('showKey')}
      </button>
    </div>
  );
}
