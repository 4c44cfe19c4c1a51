/**
 * Context windows (prompt + answer, in tokens) of the models Glance is used with, from each
 * provider's model documentation (2025). A model missing here gets {@link UNKNOWN_CONTEXT}: small
 * enough that a relay's unknown model is never sent more than it reads (a long page then costs a
 * few more requests, never a failed one); the settings can raise it.
 */
const CONTEXT_WINDOWS: [RegExp, number][] = [
  [/^gpt-4\.1/, 1_047_576],
  [/^gpt-5-chat/, 128_000],
  // gpt-5 has a 400k window of which 272k may be input.
  [/^gpt-5/, 272_000],
  [/^(o1|o3|o4)/, 200_000],
  [/^(gpt-4o|chatgpt-4o|gpt-4-turbo|gpt-4-1106|gpt-4-0125)/, 128_000],
  [/^gpt-4-32k/, 32_768],
  [/^gpt-4/, 8_192],
  [/^gpt-3\.5-turbo-instruct/, 4_096],
  [/^gpt-3\.5/, 16_385],
  [/^gpt-oss/, 131_072],
  [/^deepseek/, 65_536],
  [/^moonshot-v1-8k/, 8_192],
  [/^moonshot-v1-32k/, 32_768],
  [/^(moonshot-v1-128k|moonshot-v1-auto|kimi)/, 131_072],
  [/^glm-4-long/, 1_000_000],
  [/^glm-4/, 128_000],
  [/^qwen-(long|turbo)/, 1_000_000],
  [/^(qwen-plus|qwen-max|qwen3|qwen2\.5-.*-instruct-1m)/, 131_072],
  [/^qwen/, 32_768],
  [/^(claude|anthropic)/, 200_000],
  [/^gemini/, 1_048_576],
  [/^(llama-?3\.[1-3]|meta-llama\/llama-3\.[1-3])/, 131_072],
];

/** Assumed for models we know nothing about. */
export const UNKNOWN_CONTEXT = 16_384;

/** The context window of a model (provider prefixes like "openai/" or "Qwen/" ignored). */
export function contextWindow(model: string): number {
  const name = model.trim().toLowerCase().replace(/^[\w.-]+\//, '');
  return CONTEXT_WINDOWS.find(([pattern]) => pattern.test(name))?.[1] ?? UNKNOWN_CONTEXT;
}
