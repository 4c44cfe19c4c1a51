import type { ChatBody } from '../chat-request';
import type { UsageReport } from '../protocol';
import { getTokenizer } from '../tokens';
import type { CompletionResult } from './chat-completion';

/**
 * The usage of one call: the provider's own counts from the stream's final chunk, or, where the
 * provider sends none (or the stream was cut before it), Glance's count, marked as an estimate.
 */
export async function usageOf(
  body: ChatBody,
  result: Pick<CompletionResult, 'text' | 'model' | 'usage'>,
): Promise<UsageReport> {
  const model = result.model || body.model;
  const reported = result.usage;
  if (reported && typeof reported.prompt_tokens === 'number') {
    return {
      model,
      promptTokens: reported.prompt_tokens,
      completionTokens: reported.completion_tokens ?? 0,
      cachedTokens: reported.prompt_tokens_details?.cached_tokens ?? 0,
      reasoningTokens: reported.completion_tokens_details?.reasoning_tokens ?? 0,
      estimated: false,
    };
  }
  const tokenizer = await getTokenizer(body.model);
  return {
    model,
    promptTokens: tokenizer.countChat(body.messages),
    completionTokens: tokenizer.count(result.text),
    cachedTokens: 0,
    reasoningTokens: 0,
    estimated: true,
  };
}
