import { priceKey } from './pricing';
import { isReasoningModel } from './providers';

/** How much a model reads at once, in tokens. */
export interface ModelLimit {
  /** The context window: prompt and answer together. */
  context: number;
  /** A separate, lower limit on the prompt, where the provider documents one (gpt-5). */
  input?: number;
}

/**
 * Context windows from the providers' model pages (checked 2025). Longer ids match their family
 * by prefix ("gpt-4o-mini-2024-07-18" → "gpt-4o-mini"); the longest prefix wins.
 */
const MODEL_LIMITS: Record<string, ModelLimit> = {
  'gpt-5': { context: 400_000, input: 272_000 },
  'gpt-5-chat-latest': { context: 128_000 },
  'gpt-4.1': { context: 1_047_576 },
  'gpt-4.5': { context: 128_000 },
  'gpt-4o': { context: 128_000 },
  'chatgpt-4o-latest': { context: 128_000 },
  'gpt-4-turbo': { context: 128_000 },
  'gpt-4-1106': { context: 128_000 },
  'gpt-4-0125': { context: 128_000 },
  'gpt-4-32k': { context: 32_768 },
  'gpt-4': { context: 8_192 },
  'gpt-3.5-turbo': { context: 16_385 },
  'gpt-3.5-turbo-instruct': { context: 4_096 },
  o1: { context: 200_000 },
  'o1-mini': { context: 128_000 },
  o3: { context: 200_000 },
  o4: { context: 200_000 },
  'gpt-oss': { context: 131_072 },
  'deepseek-chat': { context: 128_000 },
  'deepseek-reasoner': { context: 128_000 },
  'moonshot-v1-8k': { context: 8_192 },
  'moonshot-v1-32k': { context: 32_768 },
  'moonshot-v1-128k': { context: 131_072 },
  'moonshot-v1-auto': { context: 131_072 },
  'kimi-k2': { context: 131_072 },
  'kimi-latest': { context: 131_072 },
  'glm-4': { context: 128_000 },
  'glm-4-long': { context: 1_000_000 },
  'qwen-plus': { context: 131_072 },
  'qwen-max': { context: 32_768 },
  'qwen-turbo': { context: 1_000_000 },
  'qwen-long': { context: 1_000_000 },
  qwen3: { context: 131_072 },
  claude: { context: 200_000 },
  gemini: { context: 1_048_576 },
};

/**
 * Assumed for models not in the table when a message must not be refused (chat): most current
 * models read at least this much, and assuming too much only means the provider answers "too
 * long" in its own words.
 */
export const UNKNOWN_MODEL_LIMIT: ModelLimit = { context: 128_000 };

/**
 * Assumed for unknown models when Glance decides how to split a long text (summaries): small
 * enough that a relay's unknown model is never sent more than it reads; a long page then costs a
 * few more requests, never a failed one. The settings can raise it.
 */
export const UNKNOWN_CONTEXT = 16_384;

/** Room kept for the answer: reasoning models think in tokens too (OpenAI suggests 25,000). */
const ANSWER_ROOM = 4_096;
const REASONING_ROOM = 25_000;

/** The limit of a model, and whether it came from the table. */
export function limitFor(model: string): ModelLimit & { known: boolean } {
  const key = priceKey(model).split('/').pop() ?? '';
  let best = '';
  for (const prefix of Object.keys(MODEL_LIMITS)) {
    if ((key === prefix || key.startsWith(`${prefix}-`)) && prefix.length > best.length) best = prefix;
  }
  return best ? { ...MODEL_LIMITS[best]!, known: true } : { ...UNKNOWN_MODEL_LIMIT, known: false };
}

/** Most prompt tokens worth sending to a model: its window less room for the answer. */
export function inputLimitFor(model: string): number {
  const limit = limitFor(model);
  const room = isReasoningModel(model) ? REASONING_ROOM : ANSWER_ROOM;
  const fromContext = Math.max(1_024, limit.context - Math.min(room, Math.floor(limit.context / 4)));
  return limit.input ? Math.min(limit.input, fromContext) : fromContext;
}

/**
 * The window a long text may be planned against: the prompt limit of a known model, or the
 * cautious {@link UNKNOWN_CONTEXT} for models the table does not know.
 */
export function contextWindow(model: string): number {
  const limit = limitFor(model);
  return limit.known ? (limit.input ?? limit.context) : UNKNOWN_CONTEXT;
}
