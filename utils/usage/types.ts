import type { ErrorCode } from '@/utils/errors';
import type { UsageSummary } from './totals';

/** What Glance was doing when it called the API. */
export const FEATURES = ['chat', 'summarize', 'translate', 'ask', 'transcribe', 'test', 'action', 'pageTranslate'] as const;
export type Feature = (typeof FEATURES)[number];
/**
 * What the ledger files a call under: a feature, or the name of the selection action that made it
 * (summed as 'action' where calls are grouped by feature).
 */
export type LedgerFeature = Feature | (string & {});

/** The feature a ledger line counts under in totals: its own, or 'action' for a selection action's name. */
export function featureGroup(feature: LedgerFeature): Feature {
  return (FEATURES as readonly string[]).includes(feature) ? (feature as Feature) : 'action';
}

/** One API call, as the usage ledger keeps it. Written by the background only. */
export interface CallRecord {
  id?: number;
  /** Epoch ms when the call ended. */
  time: number;
  feature: LedgerFeature;
  model: string;
  /** The endpoint's host, e.g. api.openai.com. */
  host: string;
  promptTokens: number;
  cachedTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  /** Seconds of audio, for transcription. */
  audioSeconds?: number;
  /** True when the provider reported no usage and the counts are Glance's own. */
  estimated: boolean;
  /** USD at the prices in force at the time; null when the model has no price. */
  costUsd: number | null;
  /**
   * 'ok', or the error the call ended with (an interrupted answer is still billed), or 'pending'
   * while it streams: the line is written before the request is sent, so a worker that dies
   * mid-answer leaves a billed line behind (settled at the next start), never none.
   */
  status: CallStatus;
  /** Pending lines only: the worker run that wrote it (a line of another run is a leftover). */
  worker?: string;
  /** Pending lines only: the text that has arrived so far, to estimate what was billed. */
  arrived?: string;
}

/** How a call ended, or 'pending' while it runs. */
export type CallStatus = 'ok' | 'pending' | ErrorCode;

/**
 * One day's calls of one feature and model, kept instead of the single calls once they are more
 * than a year old: old usage is summed, never dropped.
 */
export interface DayRollup {
  /** `${day}|${feature}|${model}|${host}` */
  key: string;
  /** Local midnight, epoch ms. */
  day: number;
  feature: LedgerFeature;
  model: string;
  host: string;
  calls: number;
  promptTokens: number;
  cachedTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  audioSeconds: number;
  costUsd: number;
  /** Calls without a price (their cost is not in `costUsd`). */
  unpricedCalls: number;
  /** Calls whose counts were estimates. */
  estimatedCalls: number;
}

/** Spending so far and the limits it is measured against (0 = no limit). */
export interface Spending {
  todayUsd: number;
  monthUsd: number;
  dailyBudgetUsd: number;
  monthlyBudgetUsd: number;
}

/** Everything the Usage page shows. */
export interface UsageOverview {
  summary: UsageSummary;
  recent: CallRecord[];
  spending: Spending;
}
