/**
 * Numbers that come from outside Glance's control (a provider's usage chunk, a ledger record
 * written by an older version) are checked before anything is added up: one string made totals
 * concatenate ("297"), one negative count made a day's spending negative and budgets stop holding.
 */

/** A token count as the API documents it: a finite, non-negative integer; anything else is undefined. */
export function tokenCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** A stored number to add into a sum: finite and non-negative, else 0. */
export function summable(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

/** A stored cost: null stays "no price"; any other bad value counts as 0, never negative or a string. */
export function summableCost(value: unknown): number | null {
  return value === null ? null : summable(value);
}
