/**
 * The model list served by GET /v1/models (spec: ListModelsResponse), and the model rules the
 * chat endpoint applies.
 */

/** Ids the fake server knows by default: the chat models Glance offers plus a few others. */
export const DEFAULT_MODELS = [
  'gpt-4o-mini',
  'gpt-4o',
  'gpt-4.1-mini',
  'gpt-4.1',
  'gpt-4.1-nano',
  'gpt-5',
  'gpt-5-mini',
  'gpt-5-nano',
  'gpt-5-chat-latest',
  'gpt-3.5-turbo',
  'gpt-4-turbo',
  'o3-mini',
  'o4-mini',
  'whisper-1',
  'gpt-4o-mini-transcribe',
  'gpt-4o-transcribe',
  'text-embedding-3-small',
];

/** Plausible `created` / `owned_by` values; not important to Glance, only the shape is. */
const KNOWN: Record<string, { created: number; owned_by: string }> = {
  'gpt-3.5-turbo': { created: 1677610602, owned_by: 'openai' },
  'whisper-1': { created: 1677532384, owned_by: 'openai-internal' },
  'gpt-4-turbo': { created: 1712361441, owned_by: 'system' },
  'gpt-4o': { created: 1715367049, owned_by: 'system' },
  'gpt-4o-mini': { created: 1721172741, owned_by: 'system' },
  'o3-mini': { created: 1737146383, owned_by: 'system' },
  'gpt-4.1': { created: 1744316542, owned_by: 'system' },
  'gpt-4.1-mini': { created: 1744318173, owned_by: 'system' },
  'gpt-4.1-nano': { created: 1744321707, owned_by: 'system' },
  'o4-mini': { created: 1744225351, owned_by: 'system' },
  'gpt-5': { created: 1754425777, owned_by: 'system' },
  'gpt-5-mini': { created: 1754425928, owned_by: 'system' },
  'gpt-5-nano': { created: 1754426384, owned_by: 'system' },
  'gpt-5-chat-latest': { created: 1754073306, owned_by: 'system' },
};
const FALLBACK = { created: 1735689600, owned_by: 'system' };

/** `{object:'list', data:[{id, object:'model', created, owned_by}]}` for the given ids. */
export function listModelsBody(ids: readonly string[]) {
  return {
    object: 'list',
    data: ids.map((id) => {
      const { created, owned_by } = KNOWN[id] ?? FALLBACK;
      return { id, object: 'model', created, owned_by };
    }),
  };
}

/**
 * Reasoning models (o1, o3, o4, gpt-5 families) reject max_tokens and non-default temperature.
 * The '-chat' variants (gpt-5-chat-latest) are ordinary chat models and accept both.
 */
export function isReasoningModel(model: string): boolean {
  return /^(o1|o3|o4|gpt-5)/.test(model) && !model.includes('-chat');
}
