/**
 * The usage of several calls made for one answer (a long text's chunks, a resumed translation):
 * tokens add up, the total is an estimate if any part is, and it has no price if any part has none.
 */
export function addUsageReports(total: UsageReport | undefined, next: UsageReport): UsageReport {
  if (!total) return next;
  const unrecorded = total.unrecorded || next.unrecorded;
  return {
    ...(unrecorded ? { unrecorded } : {}),
    model: next.model,
    promptTokens: total.promptTokens + next.promptTokens,
    completionTokens: total.completionTokens + next.completionTokens,
    cachedTokens: total.cachedTokens + next.cachedTokens,
    reasoningTokens: total.reasoningTokens + next.reasoningTokens,
    estimated: total.estimated || next.estimated,
    costUsd: total.costUsd === null || next.costUsd === null ? null : total.costUsd + next.costUsd,
  };
}

/** Token counts of one API call, as reported by the provider or, failing that, estimated. */
export interface UsageReport {
  model: string;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  reasoningTokens: number;
  /** True when the provider sent no usage and these are Glance's own counts. */
  estimated: boolean;
  /** USD at the current prices; null when the model has no price. */
  costUsd: number | null;
  /** True when the usage ledger could not save the call (storage full): budgets do not count it. */
  unrecorded?: boolean;
}
