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

/**
 * An amount short enough for a badge: two significant digits ($0.082, $1.2), whole units from 10
 * ($123: dropping dollars would mislead), and anything under a cent as "<$0.01". In yuan when the
 * user set a rate, since that is the currency they think in.
 */
export function shortCost(usd: number, cnyPerUsd = 0): string {
  const [sign, value] = cnyPerUsd > 0 ? ['¥', usd * cnyPerUsd] : ['$', usd];
  if (value <= 0) return `${sign}0`;
  if (value < 0.01) return `<${sign}0.01`;
  if (value >= 10) return `${sign}${Math.round(value)}`;
  return `${sign}${Number(value.toPrecision(2))}`;
}
