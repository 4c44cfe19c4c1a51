import type { ChatBody } from '@/utils/llm/request';
import { costOf, priceFor, type PriceOverrides } from '@/utils/llm/pricing';
import type { UsageReport } from '@/utils/llm/usage-report';
import { getTokenizer } from '@/utils/llm/tokens';
import type { CompletionResult } from './completion-stream';

/**
 * The usage of one call: the provider's own counts from the stream's final chunk, or, where the
 * provider sends none (or the stream was cut before it), Glance's count, marked as an estimate.
 * Cost comes from the price table (the user's prices first).
 */
export async function usageOf(
  body: ChatBody,
  result: Pick<CompletionResult, 'text' | 'model' | 'usage'>,
  prices: PriceOverrides = {},
): Promise<UsageReport> {
  const model = result.model || body.model;
  const reported = result.usage;
  let counts: Omit<UsageReport, 'model' | 'costUsd'>;
  if (reported && typeof reported.prompt_tokens === 'number') {
    counts = {
      promptTokens: reported.prompt_tokens,
      completionTokens: reported.completion_tokens ?? 0,
      cachedTokens: reported.prompt_tokens_details?.cached_tokens ?? 0,
      reasoningTokens: reported.completion_tokens_details?.reasoning_tokens ?? 0,
      estimated: false,
    };
  } else {
    const tokenizer = await getTokenizer(body.model);
    counts = {
      promptTokens: tokenizer.countChat(body.messages),
      completionTokens: tokenizer.count(result.text),
      cachedTokens: 0,
      reasoningTokens: 0,
      estimated: true,
    };
  }
  // The price of what was asked for: a relay may answer with a dated snapshot name.
  const costUsd = costOf(counts, priceFor(body.model, prices) ?? priceFor(model, prices));
  return { model, ...counts, costUsd };
}
