import type { CallRecord, DayRollup } from './types';

const COLUMNS = [
  'time',
  'feature',
  'model',
  'host',
  'calls',
  'prompt_tokens',
  'cached_tokens',
  'completion_tokens',
  'reasoning_tokens',
  'audio_seconds',
  'estimated',
  'cost_usd',
  'status',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with a
 * quote mark: model names and hosts come from the provider and must stay data.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** YYYY-MM-DD of a local day (a rolled-up day starts at local midnight, not UTC). */
function localDate(time: number): string {
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function row(values: (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(',');
}

/**
 * The ledger as CSV: one row per call (newest first), then one row per rolled-up day with its
 * call count. Costs are USD with full precision; an unknown cost is an empty field, never 0.
 */
export function usageCsv(calls: readonly CallRecord[], rollups: readonly DayRollup[]): string {
  const lines = [COLUMNS.join(',')];
  for (const call of [...calls].sort((a, b) => b.time - a.time)) {
    lines.push(
      row([
        new Date(call.time).toISOString(),
        call.feature,
        call.model,
        call.host,
        1,
        call.promptTokens,
        call.cachedTokens,
        call.completionTokens,
        call.reasoningTokens,
        call.audioSeconds ?? 0,
        call.estimated,
        call.costUsd,
        call.status,
      ]),
    );
  }
  for (const day of [...rollups].sort((a, b) => b.day - a.day)) {
    lines.push(
      row([
        localDate(day.day),
        day.feature,
        day.model,
        day.host,
        day.calls,
        day.promptTokens,
        day.cachedTokens,
        day.completionTokens,
        day.reasoningTokens,
        day.audioSeconds,
        day.estimatedCalls > 0,
        day.unpricedCalls === day.calls ? null : day.costUsd,
        'rolled-up',
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
