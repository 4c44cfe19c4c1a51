/**
 * Usage numbers the way OpenAI counts them, so tests of Glance's usage ledger see realistic values.
 * Prompt: 3 tokens per message + role + content (+ name and 1), + 3 to prime the reply
 * (OpenAI cookbook "How to count tokens with tiktoken"; matches the recordings for gpt-3.5/gpt-4o);
 * the gpt-5 family primes with 2 (its recording reports 13 where gpt-4o reports 14).
 */
import { countTokens as countCl100k, decode as decodeCl100k, encode as encodeCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { countTokens as countO200k, decode as decodeO200k, encode as encodeO200k } from 'gpt-tokenizer/encoding/o200k_base';
import type { CompletionUsage, UsageOverride } from './types';

const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_NAME = 1;
const REPLY_PRIMING_TOKENS = 3;
const REPLY_PRIMING_TOKENS_GPT5 = 2;

/** The tokenizer of a model: cl100k_base for gpt-3.5 and gpt-4(-turbo), o200k_base for the rest. */
export function encodingFor(model: string): 'cl100k_base' | 'o200k_base' {
  return /^gpt-(3\.5|4)(-|$)/.test(model) ? 'cl100k_base' : 'o200k_base';
}

/** Tokens of `text` in the encoding of `model`. */
export function countTextTokens(text: string, model: string): number {
  if (!text) return 0;
  return encodingFor(model) === 'cl100k_base' ? countCl100k(text) : countO200k(text);
}

/** The first `limit` tokens of `text`, as the API cuts an answer at max_tokens. */
export function truncateToTokens(text: string, model: string, limit: number): string {
  const cl100k = encodingFor(model) === 'cl100k_base';
  const tokens = cl100k ? encodeCl100k(text) : encodeO200k(text);
  if (tokens.length <= limit) return text;
  return cl100k ? decodeCl100k(tokens.slice(0, limit)) : decodeO200k(tokens.slice(0, limit));
}

/** The text of a message's content: a string, or the `text` of its text parts. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (part && typeof part === 'object' && 'text' in part ? String(part.text) : '')).join('');
}

/** prompt_tokens of a chat request. */
export function countPromptTokens(messages: unknown, model: string): number {
  if (!Array.isArray(messages)) return 0;
  let total = /^gpt-5/.test(model) ? REPLY_PRIMING_TOKENS_GPT5 : REPLY_PRIMING_TOKENS;
  for (const message of messages as Array<Record<string, unknown>>) {
    total += TOKENS_PER_MESSAGE;
    total += countTextTokens(String(message.role ?? ''), model);
    total += countTextTokens(contentText(message.content), model);
    if (typeof message.name === 'string') total += TOKENS_PER_NAME + countTextTokens(message.name, model);
  }
  return total;
}

/**
 * Builds the usage object, then applies a scenario's overrides. Reasoning tokens are part of
 * completion_tokens in the real API, so an overridden reasoning_tokens is added to them, and
 * total_tokens follows the parts unless overridden too.
 */
export function buildUsage(promptTokens: number, textTokens: number, override: UsageOverride = {}): CompletionUsage {
  const promptDetails = { cached_tokens: 0, audio_tokens: 0, ...override.prompt_tokens_details };
  const completionDetails = {
    reasoning_tokens: 0,
    audio_tokens: 0,
    accepted_prediction_tokens: 0,
    rejected_prediction_tokens: 0,
    ...override.completion_tokens_details,
  };
  const prompt = override.prompt_tokens ?? promptTokens;
  const completion = override.completion_tokens ?? textTokens + completionDetails.reasoning_tokens;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: override.total_tokens ?? prompt + completion,
    prompt_tokens_details: promptDetails,
    completion_tokens_details: completionDetails,
  };
}
