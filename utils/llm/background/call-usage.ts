import type { ChatBody } from '@/utils/llm/request';
import { costOf, priceFor, type PriceOverrides } from '@/utils/llm/pricing';
import type { UsageReport } from '@/utils/llm/usage-report';
import { roughTokens } from '@/utils/llm/rough-tokens';
import { getTokenizer } from '@/utils/llm/tokens';
import { tokenCount } from '@/utils/usage/counts';
import type { CompletionResult } from './completion-stream';

/**
 * The usage of one call: the provider's own counts from the stream's final chunk, or, where the
 * provider sends none (or the stream was cut before it), Glance's count, marked as an estimate.
 * Each reported count must be a finite, non-negative integer; a bad one is replaced by Glance's
 * count (or 0 for cached and reasoning tokens, which only lower or split the cost) and the
 * report is marked as an estimate.
 * Cost comes from the price table (the user's prices first).
 */
export async function usageOf(
  body: ChatBody,
  result: Pick<CompletionResult, 'text' | 'model' | 'usage'>,
  prices: PriceOverrides = {},
): Promise<UsageReport> {
  const model = result.model || body.model;
  const counts = await countsOf(body, result);
  // The price of what was asked for: a relay may answer with a dated snapshot name.
  const costUsd = costOf(counts, priceFor(body.model, prices) ?? priceFor(model, prices));
  return { model, ...counts, costUsd };
}

type Counts = Omit<UsageReport, 'model' | 'costUsd'>;

/** The token counts of a call, field by field: the provider's where well-formed, else Glance's own. */
async function countsOf(body: ChatBody, result: Pick<CompletionResult, 'text' | 'usage'>): Promise<Counts> {
  const reported = result.usage;
  const prompt = tokenCount(reported?.prompt_tokens);
  const completion = tokenCount(reported?.completion_tokens);
  // Details are optional in the API: absent means none, present but malformed is a guess.
  const rawCached = reported?.prompt_tokens_details?.cached_tokens;
  const rawReasoning = reported?.completion_tokens_details?.reasoning_tokens;
  let cached = rawCached === undefined ? 0 : tokenCount(rawCached);
  const reasoning = rawReasoning === undefined ? 0 : tokenCount(rawReasoning);
  let estimated = prompt === undefined || completion === undefined || cached === undefined || reasoning === undefined;
  let promptTokens = prompt;
  let completionTokens = completion;
  if (promptTokens === undefined || completionTokens === undefined) {
    const tokenizer = await getTokenizer(body.model);
    promptTokens ??= tokenizer.countChat(body.messages);
    completionTokens ??= tokenizer.count(result.text);
  }
  // More cached than sent cannot be: the cheaper cached price must not apply to it.
  if (cached !== undefined && cached > promptTokens) {
    cached = undefined;
    estimated = true;
  }
  return { promptTokens, completionTokens, cachedTokens: cached ?? 0, reasoningTokens: reasoning ?? 0, estimated };
}

/**
 * The prompt's usage without the tokenizer (rough-tokens.ts), marked as an estimate: what a call's
 * provisional line says until the exact count, made off the request's path, replaces it.
 */
export function roughUsage(body: ChatBody, prices: PriceOverrides = {}): UsageReport {
  const promptTokens = body.messages.reduce((sum, message) => sum + 4 + roughTokens(String(message.content ?? '')), 3);
  const counts = { promptTokens, completionTokens: 0, cachedTokens: 0, reasoningTokens: 0, estimated: true };
  return { model: body.model, ...counts, costUsd: costOf(counts, priceFor(body.model, prices)) };
}
