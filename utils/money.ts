/**
 * Reads an amount typed by a person: "0.5", "$0.50", " 2 ", "0,5" (a decimal comma). Empty means
 * zero (no limit / no rate). Returns undefined for anything else, including negative amounts.
 */
export function parseAmount(text: string): number | undefined {
  const cleaned = text
    .trim()
    .replace(/^[$¥]\s*/, '')
    .replace(/^(\d*),(\d+)$/, '$1.$2');
  if (cleaned === '') return 0;
  if (!/^\d*\.?\d+$|^\d+\.$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** An amount as the input shows it: empty for zero, otherwise without trailing zeros. */
export function amountText(value: number): string {
  return value > 0 ? String(Number(value.toPrecision(12))) : '';
}
