/**
 * How a page will be summarized and what it will cost, before anything is sent: exact token
 * counts, the page-text budget per request, the chunks, and the estimated tokens and cost.
 */
import { chunkMarkdown, type Chunk } from './chunking';
import { contextWindow } from '@/utils/llm/model-limits';
import { costOf, priceFor, type PriceOverrides } from '@/utils/llm/pricing';
import type { ProviderId } from '@/utils/llm/providers';
import { buildCombineRequest, buildPartRequest, buildSummaryRequest, outputCap, TYPICAL_OUTPUT, type PageRef } from './prompts';
import type { Tokenizer } from '@/utils/llm/tokens';
import type { SummaryEstimate } from './types';

/** The part of the settings a plan depends on. */
export interface PlanSettings {
  provider: ProviderId;
  model: string;
  /** Most page tokens per request; 0 = as many as the model reads. */
  summaryMaxInput: number;
  priceOverrides: PriceOverrides;
}

export interface CostEstimate {
  inputTokens: number;
  outputTokens: number;
  /** USD; null when the model has no price. */
  costUsd: number | null;
}

export interface SummaryPlan {
  /** Exact (or, for non-OpenAI models, estimated) tokens of the page text. */
  pageTokens: number;
  exact: boolean;
  /** Most page-text tokens one request carries. */
  budget: number;
  /** One chunk (the whole text) when it fits; else its parts, each within the budget. */
  chunks: Chunk[];
  /** Model calls: 1, or one per chunk plus the combining step(s). */
  requests: number;
  estimate: CostEstimate;
}

/** Room kept for the instructions, the title and the framing around the page text. */
const PROMPT_RESERVE = 400;
/** Ollama serves a small context unless told otherwise, and cuts longer prompts silently. */
const OLLAMA_CONTEXT = 4096;
/** Smallest budget worth a request. */
const MIN_BUDGET = 200;

/**
 * Page tokens one request may carry: the model's context window less the prompt and the answer,
 * with a margin where token counts are estimates; or the user's lower limit.
 */
export function pageBudget(settings: PlanSettings, exact: boolean): number {
  const window =
    settings.provider === 'ollama' ? Math.min(OLLAMA_CONTEXT, contextWindow(settings.model)) : contextWindow(settings.model);
  const room = window - PROMPT_RESERVE - outputCap(settings.model, 'summary');
  const fit = Math.max(MIN_BUDGET, Math.floor(exact ? room : room * 0.85));
  return settings.summaryMaxInput > 0 ? Math.max(MIN_BUDGET, Math.min(settings.summaryMaxInput, fit)) : fit;
}

/** Plans the summary of `markdown` (exact counts with `tokenizer`) and estimates its cost. */
export function planSummary(
  page: PageRef & { markdown: string },
  tokenizer: Tokenizer,
  settings: PlanSettings,
  language: string,
): SummaryPlan {
  const budget = pageBudget(settings, tokenizer.exact);
  const chunks = chunkMarkdown(page.markdown, budget, tokenizer.count);
  const pageTokens = chunks.length === 1 ? chunks[0]!.tokens : tokenizer.count(page.markdown);
  const model = settings.model;
  let inputTokens: number;
  let outputTokens: number;
  let requests: number;
  if (chunks.length <= 1) {
    inputTokens = tokenizer.countChat(buildSummaryRequest(page, page.markdown, language, model).turns);
    outputTokens = TYPICAL_OUTPUT.summary;
    requests = 1;
  } else {
    const parts = chunks.map((chunk, index) =>
      tokenizer.countChat(
        buildPartRequest(page, { index, total: chunks.length, headings: chunk.headings, text: chunk.text }, language, model)
          .turns,
      ),
    );
    const notesTokens = chunks.length * TYPICAL_OUTPUT.notes;
    const combineOverhead = tokenizer.countChat(buildCombineRequest(page, '', language, model).turns);
    // Notes longer than a request can carry are condensed in extra rounds first.
    const extraRounds = Math.max(0, Math.ceil(notesTokens / budget) - 1);
    inputTokens = parts.reduce((sum, tokens) => sum + tokens, 0) + notesTokens + extraRounds * combineOverhead + combineOverhead;
    outputTokens = notesTokens + extraRounds * TYPICAL_OUTPUT.notes + TYPICAL_OUTPUT.summary;
    requests = chunks.length + extraRounds + 1;
  }
  const costUsd = costOf(
    { promptTokens: inputTokens, cachedTokens: 0, completionTokens: outputTokens },
    priceFor(model, settings.priceOverrides),
  );
  return { pageTokens, exact: tokenizer.exact, budget, chunks, requests, estimate: { inputTokens, outputTokens, costUsd } };
}

/**
 * Whether the user should see the estimate and confirm before anything is spent: the estimated
 * cost is above their threshold (0: always), or the model has no price and the page is long.
 */
export function needsConfirmation(estimate: CostEstimate, thresholdUsd: number, unpricedTokenLimit = 50_000): boolean {
  if (thresholdUsd <= 0) return true;
  if (estimate.costUsd === null) return estimate.inputTokens > unpricedTokenLimit;
  return estimate.costUsd > thresholdUsd;
}

/** Pure: what the user is shown before a summary is made (a page's, a transcript's), from its plan. */
export function summaryEstimate(plan: SummaryPlan, settings: { model: string; summaryConfirmAboveUsd: number }): SummaryEstimate {
  return {
    model: settings.model,
    sections: plan.chunks.length,
    requests: plan.requests,
    ...plan.estimate,
    needsConfirm: needsConfirmation(plan.estimate, settings.summaryConfirmAboveUsd),
  };
}
