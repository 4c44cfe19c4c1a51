import { useEffect, useState } from 'preact/hooks';
import { amountText, parseAmount } from '@/utils/money';

export interface MoneyInputProps {
  id: string;
  label: string;
  value: number;
  /** Shown when the text is not an amount; the value is then not changed. */
  invalidMessage: string;
  onCommit(value: number): void;
}

/**
 * A text field for an amount, committed when the user leaves it or presses Enter. What was typed
 * stays in the field even when it is not a valid amount, with the reason next to it.
 */
export function MoneyInput({ id, label, value, invalidMessage, onCommit }: MoneyInputProps) {
  const [text, setText] = useState(amountText(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    if (parseAmount(text) !== value) setText(amountText(value));
  }, [value]);

  const commit = () => {
    const parsed = parseAmount(text);
    setInvalid(parsed === undefined);
    if (parsed !== undefined && parsed !== value) onCommit(parsed);
  };

  return (
    <div class="money-input">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onInput={(event) => setText(event.currentTarget.value)}
        onChange={commit}
        onKeyDown={(event) => event.key === 'Enter' && commit()}
      />
      {invalid && (
        <p id={`${id}-error`} class="warning">
          {invalidMessage}
        </p>
      )}
    </div>
  );
}
