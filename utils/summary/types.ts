import type { ChatTurn } from '@/utils/llm/request';
import type { UsageReport } from '@/utils/llm/usage-report';

/** What Glance read from a page (the text itself stays in the background). */
export interface PageInfo {
  url: string;
  title: string;
  /** Where the text came from: the article, the whole body (no article found), or the selection. */
  source: 'article' | 'body' | 'selection';
  /** Something is selected on the page: the view offers "Whole page" or "Selection". */
  hasSelection: boolean;
  lang: string;
  /** Tokens of the page text; `exactTokens` is false for models whose tokenizer we only approximate. */
  tokens: number;
  exactTokens: boolean;
  /** The page was longer than Glance reads (about 750,000 tokens) and was cut. */
  truncated: boolean;
}

/** How a summary would be made and what it would cost, shown before anything is spent. */
export interface SummaryEstimate {
  model: string;
  /** Parts of a long page (1 when it fits one request). */
  sections: number;
  /** Model calls in all: one per part plus the combining step(s). */
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** USD; null when the model has no price. */
  costUsd: number | null;
  /** Above the user's threshold: show the estimate and ask before starting. */
  needsConfirm: boolean;
}

/** A summary kept in the cache, with the follow-up questions asked about the page since. */
export interface StoredSummary {
  text: string;
  /** All calls the summary took, summed; null for one made before usage was known. */
  usage: UsageReport | null;
  createdAt: number;
  language: string;
  thread: ChatTurn[];
}

export interface PageInspection {
  page: PageInfo;
  estimate: SummaryEstimate;
  /** The stored summary of this page's current text, in the current summary language. */
  stored: StoredSummary | null;
  /** A summary of this page still being made (after the popup was closed): attach to it. */
  runningJobId: string | null;
}
