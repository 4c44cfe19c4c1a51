/** A model's list price in US dollars: per million tokens, or per minute of audio. */
export interface ModelPrice {
  input?: number;
  /** Price of prompt tokens served from the provider's cache, where it differs from `input`. */
  cachedInput?: number;
  output?: number;
  perMinute?: number;
}

/**
 * Default prices: OpenAI's standard tier, from https://openai.com/api/pricing/ as published on
 * 2025-08-07 (the gpt-5 launch). Every entry can be changed in the settings; a model missing here
 * has no price and is shown as "no price", never guessed.
 */
export const PRICE_TABLE = {
  asOf: '2025-08-07',
  source: 'https://openai.com/api/pricing/',
  prices: {
    'gpt-5': { input: 1.25, cachedInput: 0.125, output: 10 },
    'gpt-5-mini': { input: 0.25, cachedInput: 0.025, output: 2 },
    'gpt-5-nano': { input: 0.05, cachedInput: 0.005, output: 0.4 },
    'gpt-5-chat-latest': { input: 1.25, cachedInput: 0.125, output: 10 },
    'gpt-4.1': { input: 2, cachedInput: 0.5, output: 8 },
    'gpt-4.1-mini': { input: 0.4, cachedInput: 0.1, output: 1.6 },
    'gpt-4.1-nano': { input: 0.1, cachedInput: 0.025, output: 0.4 },
    'gpt-4o': { input: 2.5, cachedInput: 1.25, output: 10 },
    'gpt-4o-mini': { input: 0.15, cachedInput: 0.075, output: 0.6 },
    'gpt-4-turbo': { input: 10, output: 30 },
    'gpt-4': { input: 30, output: 60 },
    'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
    o3: { input: 2, cachedInput: 0.5, output: 8 },
    'o3-mini': { input: 1.1, cachedInput: 0.55, output: 4.4 },
    'o4-mini': { input: 1.1, cachedInput: 0.275, output: 4.4 },
    o1: { input: 15, cachedInput: 7.5, output: 60 },
    'whisper-1': { perMinute: 0.006 },
    'gpt-4o-transcribe': { perMinute: 0.006 },
    'gpt-4o-mini-transcribe': { perMinute: 0.003 },
  } as Record<string, ModelPrice>,
};

/** The default table's models priced by the token (chat models, not the transcription ones). */
export function tokenPricedModels(): string[] {
  return Object.keys(PRICE_TABLE.prices).filter((model) => PRICE_TABLE.prices[model]!.input !== undefined);
}

/** Edited prices, by model id, as the settings store them. */
export type PriceOverrides = Record<string, ModelPrice>;

// A dated snapshot ("gpt-4o-mini-2024-07-18", "o3-mini-2025-01-31") costs what its family costs.
const SNAPSHOT_SUFFIX = /-(\d{4}-\d{2}-\d{2}|\d{4})$/;

/** The id a price is looked up under: provider prefix and snapshot date removed. */
export function priceKey(model: string): string {
  return model
    .trim()
    .toLowerCase()
    .replace(/^openai\//, '')
    .replace(SNAPSHOT_SUFFIX, '');
}

/** The price of a model: the user's own entry first, then the defaults; undefined when unknown. */
export function priceFor(model: string, overrides: PriceOverrides = {}): ModelPrice | undefined {
  const exact = model.trim();
  if (overrides[exact]) return overrides[exact];
  const key = priceKey(model);
  return overrides[key] ?? PRICE_TABLE.prices[key];
}

/** Token counts a cost is computed from. Reasoning tokens are part of the completion tokens. */
export interface BilledTokens {
  promptTokens: number;
  cachedTokens: number;
  completionTokens: number;
}

/** Cost in USD of one call, or null when the model has no (complete) token price. */
export function costOf(tokens: BilledTokens, price: ModelPrice | undefined): number | null {
  if (!price || price.input === undefined || price.output === undefined) return null;
  const cached = Math.min(tokens.cachedTokens, tokens.promptTokens);
  const fresh = tokens.promptTokens - cached;
  const cachedRate = price.cachedInput ?? price.input;
  return (fresh * price.input + cached * cachedRate + tokens.completionTokens * price.output) / 1_000_000;
}

/** Cost in USD of transcribing `seconds` of audio, or null without a per-minute price. */
export function audioCostOf(seconds: number, price: ModelPrice | undefined): number | null {
  return price?.perMinute === undefined ? null : (seconds / 60) * price.perMinute;
}

/**
 * A cost for people: enough significant digits to tell a tenth of a cent from nothing,
 * with the CNY equivalent when the user set a rate.
 */
export function formatCost(usd: number, cnyPerUsd = 0): string {
  const dollars = `$${formatAmount(usd)}`;
  return cnyPerUsd > 0 ? `${dollars} (¥${formatAmount(usd * cnyPerUsd)})` : dollars;
}

function formatAmount(value: number): string {
  if (value === 0) return '0';
  if (value >= 1) return value.toFixed(2);
  // Two significant digits, never exponent notation: 0.00012, 0.0000031.
  const decimals = Math.min(12, Math.max(2, 1 - Math.floor(Math.log10(value))));
  return value.toFixed(decimals).replace(/(\.\d\d\d*?)0+$/, '$1');
}
