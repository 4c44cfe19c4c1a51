import type { UsageReport } from '@/utils/protocol';

/**
 * The usage of several calls made for one answer (a long text's chunks, a resumed translation):
 * tokens add up, the total is an estimate if any part is, and it has no price if any part has none.
 */
export function addUsageReports(total: UsageReport | undefined, next: UsageReport): UsageReport {
  if (!total) return next;
  return {
    model: next.model,
    promptTokens: total.promptTokens + next.promptTokens,
    completionTokens: total.completionTokens + next.completionTokens,
    cachedTokens: total.cachedTokens + next.cachedTokens,
    reasoningTokens: total.reasoningTokens + next.reasoningTokens,
    estimated: total.estimated || next.estimated,
    costUsd: total.costUsd === null || next.costUsd === null ? null : total.costUsd + next.costUsd,
  };
}
