import type { ChatEstimate, ChatRequestSize } from './types';
import { inputLimitFor } from '@/utils/llm/model-limits';
import { costOf, priceFor, type PriceOverrides } from '@/utils/llm/pricing';
import type { ChatTurn } from '@/utils/llm/request';
import type { Tokenizer } from '@/utils/llm/tokens';

/**
 * Which earlier messages a chat request resends. Every follow-up resends the history, so a long
 * conversation costs more on every turn; this keeps that bounded by tokens (never by message
 * counts): the newest exchanges that fit both the model's window and the user's history budget.
 * Pure, so the background's request and the composer's estimate are the same computation.
 */

/** What a chat request is made of. */
export interface PlanInput {
  model: string;
  /** Sent first when not blank. */
  systemPrompt: string;
  /** Earlier messages that may be resent, oldest first (failed, empty answers left out). */
  history: readonly ChatTurn[];
  /** The message to answer. */
  message: string;
  /** Most tokens of history to resend; 0 resends none. */
  historyBudget: number;
}

/** The request, and what it costs in tokens. */
export interface ChatPlan extends ChatRequestSize {
  /** System prompt, the history that fits, the message: what is sent. */
  turns: ChatTurn[];
}

/** Counting is all the plan needs from a tokenizer. */
export type ChatCounter = Pick<Tokenizer, 'countChat'>;

/**
 * Groups messages into exchanges (a user message and the answers after it), so that history is
 * dropped a question and its answer at a time and never starts with an answer to nothing.
 */
export function exchangesOf(history: readonly ChatTurn[]): ChatTurn[][] {
  const exchanges: ChatTurn[][] = [];
  for (const turn of history) {
    if (turn.role === 'system') continue;
    if (turn.role === 'user' || exchanges.length === 0) exchanges.push([turn]);
    else exchanges.at(-1)!.push(turn);
  }
  return exchanges;
}

/** Builds the request for `input`: the newest whole exchanges that fit, oldest first. */
export function planChat(input: PlanInput, counter: ChatCounter): ChatPlan {
  const framing = counter.countChat([]);
  const cost = (turn: ChatTurn) => counter.countChat([turn]) - framing;
  const system: ChatTurn | undefined = input.systemPrompt.trim() ? { role: 'system', content: input.systemPrompt } : undefined;
  const message: ChatTurn = { role: 'user', content: input.message };
  const messageTokens = cost(message);
  const fixed = framing + (system ? cost(system) : 0) + messageTokens;
  const inputLimit = inputLimitFor(input.model);
  // A damaged budget (NaN, negative) resends no history rather than all of it.
  const budget = Number.isFinite(input.historyBudget) ? Math.max(0, Math.floor(input.historyBudget)) : 0;
  const room = Math.max(0, Math.min(budget, inputLimit - fixed));

  const exchanges = exchangesOf(input.history);
  const included: ChatTurn[] = [];
  let historyTokens = 0;
  for (let i = exchanges.length - 1; i >= 0; i -= 1) {
    const exchange = exchanges[i]!;
    const tokens = exchange.reduce((sum, turn) => sum + cost(turn), 0);
    // Contiguous: an older exchange without the ones after it would confuse more than help.
    if (historyTokens + tokens > room) break;
    historyTokens += tokens;
    included.unshift(...exchange);
  }

  return {
    turns: [...(system ? [system] : []), ...included, message],
    promptTokens: fixed + historyTokens,
    messageTokens,
    historyIncluded: included.length,
    historyTotal: exchanges.reduce((sum, exchange) => sum + exchange.length, 0),
    historyTokens,
    inputLimit,
    fits: fixed <= inputLimit,
  };
}

/** The composer's estimate for a plan: its tokens and the price of sending them. */
export function estimateOf(plan: ChatPlan, model: string, exact: boolean, prices: PriceOverrides = {}): ChatEstimate {
  const { turns: _turns, ...size } = plan;
  return {
    ...size,
    model,
    exact,
    costUsd: costOf({ promptTokens: plan.promptTokens, cachedTokens: 0, completionTokens: 0 }, priceFor(model, prices)),
  };
}
