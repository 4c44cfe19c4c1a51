import { describe, expect, it } from 'vitest';
import { estimateOf, exchangesOf, planChat, type PlanInput } from '@/utils/chat/history-budget';
import { inputLimitFor } from '@/utils/llm/model-limits';
import type { ChatTurn } from '@/utils/llm/request';
import { getTokenizer } from '@/utils/llm/tokens';

const turn = (role: ChatTurn['role'], content: string): ChatTurn => ({ role, content });

/** Ten exchanges whose sizes differ, so that budgets cut between them. */
function history(): ChatTurn[] {
  const turns: ChatTurn[] = [];
  for (let i = 1; i <= 10; i += 1) {
    turns.push(turn('user', `Question ${i}: ${'why '.repeat(i * 3)}`));
    turns.push(turn('assistant', `Answer ${i}: ${'because '.repeat(i * 10)}`));
  }
  return turns;
}

const input = (overrides: Partial<PlanInput> = {}): PlanInput => ({
  model: 'gpt-4o-mini',
  systemPrompt: 'You are helpful.',
  history: history(),
  message: 'And now?',
  historyBudget: 1_000_000,
  ...overrides,
});

describe('planChat', () => {
  it('sends everything when it fits, system prompt first and the new message last', async () => {
    const tokenizer = await getTokenizer('gpt-4o-mini');
    const plan = planChat(input(), tokenizer);
    expect(plan.turns[0]).toEqual(turn('system', 'You are helpful.'));
    expect(plan.turns.at(-1)).toEqual(turn('user', 'And now?'));
    expect(plan.turns.slice(1, -1)).toEqual(history());
    expect(plan.historyIncluded).toBe(20);
    expect(plan.historyTotal).toBe(20);
    expect(plan.fits).toBe(true);
  });

  it('counts exactly what is sent: prompt tokens equal the tokenizer count of the request', async () => {
    const tokenizer = await getTokenizer('gpt-4o-mini');
    for (const budget of [0, 50, 300, 1_000, 100_000]) {
      const plan = planChat(input({ historyBudget: budget }), tokenizer);
      expect(plan.promptTokens, `budget ${budget}`).toBe(tokenizer.countChat(plan.turns));
      const history = plan.turns.slice(1, -1);
      expect(plan.historyTokens).toBe(
        tokenizer.countChat([plan.turns[0]!, ...history, plan.turns.at(-1)!]) -
          tokenizer.countChat([plan.turns[0]!, plan.turns.at(-1)!]),
      );
      expect(plan.historyTokens).toBeLessThanOrEqual(budget);
    }
  });

  it('trims by tokens, newest exchanges first, whole exchanges only, never starting with an answer', async () => {
    const tokenizer = await getTokenizer('gpt-4o-mini');
    const all = history();
    const exchangeTokens = exchangesOf(all).map((exchange) => tokenizer.countChat(exchange) - tokenizer.countChat([]));
    // A budget that holds the last two exchanges and a little more, but not the third.
    const budget = exchangeTokens[9]! + exchangeTokens[8]! + Math.floor(exchangeTokens[7]! / 2);
    const plan = planChat(input({ historyBudget: budget }), tokenizer);
    expect(plan.turns.slice(1, -1)).toEqual(all.slice(16));
    expect(plan.historyIncluded).toBe(4);
    expect(plan.historyTokens).toBe(exchangeTokens[9]! + exchangeTokens[8]!);
    expect(plan.turns[1]!.role).toBe('user');
  });

  it('budgets by tokens, not by messages: many small messages fit where one long one does not', async () => {
    const tokenizer = await getTokenizer('gpt-4o-mini');
    const small = Array.from({ length: 40 }, (_, i) => turn(i % 2 ? 'assistant' : 'user', `ok ${i}`));
    const long = [turn('user', 'tell me'), turn('assistant', 'word '.repeat(400))];
    expect(planChat(input({ history: small, historyBudget: 400 }), tokenizer).historyIncluded).toBe(40);
    expect(planChat(input({ history: long, historyBudget: 400 }), tokenizer).historyIncluded).toBe(0);
  });

  it('keeps history contiguous: an older exchange is not resent when a newer one did not fit', async () => {
    const tokenizer = await getTokenizer('gpt-4o-mini');
    const turns = [turn('user', 'a'), turn('assistant', 'short'), turn('user', 'b'), turn('assistant', 'long '.repeat(500))];
    const plan = planChat(input({ history: turns, historyBudget: 100 }), tokenizer);
    expect(plan.historyIncluded).toBe(0);
    expect(plan.historyTotal).toBe(4);
  });

  it('resends nothing with a budget of 0, and leaves out a blank system prompt', async () => {
    const tokenizer = await getTokenizer('gpt-4o-mini');
    const plan = planChat(input({ historyBudget: 0, systemPrompt: '  \n' }), tokenizer);
    expect(plan.turns).toEqual([turn('user', 'And now?')]);
    expect(plan.promptTokens).toBe(tokenizer.countChat([turn('user', 'And now?')]));
  });

  it("fits history into the model's window even when the user's budget is larger", async () => {
    const tokenizer = await getTokenizer('gpt-4-0613');
    const big = Array.from({ length: 20 }, (_, i) =>
      turn(i % 2 ? 'assistant' : 'user', 'lorem ipsum dolor sit amet '.repeat(100)),
    );
    const plan = planChat(input({ model: 'gpt-4-0613', history: big, historyBudget: 1_000_000 }), tokenizer);
    expect(plan.inputLimit).toBe(inputLimitFor('gpt-4-0613'));
    expect(plan.promptTokens).toBeLessThanOrEqual(plan.inputLimit);
    expect(plan.historyIncluded).toBeGreaterThan(0);
    expect(plan.historyIncluded).toBeLessThan(20);
  });

  it('says when the message alone is over the window', async () => {
    const tokenizer = await getTokenizer('gpt-3.5-turbo');
    const plan = planChat(input({ model: 'gpt-3.5-turbo', message: 'token '.repeat(20_000) }), tokenizer);
    expect(plan.fits).toBe(false);
    expect(plan.historyIncluded).toBe(0);
    expect(plan.messageTokens).toBeGreaterThan(plan.inputLimit);
  });

  it('treats a damaged budget as no history rather than all of it', async () => {
    const tokenizer = await getTokenizer('gpt-4o-mini');
    expect(planChat(input({ historyBudget: Number.NaN }), tokenizer).historyIncluded).toBe(0);
    expect(planChat(input({ historyBudget: -5 }), tokenizer).historyIncluded).toBe(0);
  });
});

describe('exchangesOf', () => {
  it('groups a question with the answers after it, and keeps a leading answer on its own', () => {
    const turns = [
      turn('assistant', 'hello'),
      turn('user', 'q1'),
      turn('assistant', 'a1'),
      turn('user', 'q2'),
      turn('user', 'q3'),
      turn('assistant', 'a3'),
    ];
    expect(exchangesOf(turns).map((exchange) => exchange.map((t) => t.content))).toEqual([
      ['hello'],
      ['q1', 'a1'],
      ['q2'],
      ['q3', 'a3'],
    ]);
  });
});

describe('estimateOf', () => {
  it('prices the prompt with the price table, and has no price for unknown models', async () => {
    const tokenizer = await getTokenizer('gpt-4o-mini');
    const plan = planChat(input({ historyBudget: 0 }), tokenizer);
    const priced = estimateOf(plan, 'gpt-4o-mini', true);
    expect(priced.costUsd).toBeCloseTo((plan.promptTokens * 0.15) / 1_000_000, 12);
    expect(priced).toMatchObject({ exact: true, promptTokens: plan.promptTokens, fits: true });
    expect(estimateOf(plan, 'deepseek-chat', false).costUsd).toBeNull();
    // The user's own price wins over the table.
    expect(estimateOf(plan, 'gpt-4o-mini', true, { 'gpt-4o-mini': { input: 1, output: 1 } }).costUsd).toBeCloseTo(
      plan.promptTokens / 1_000_000,
      12,
    );
  });

  it('prices dated snapshots as their family', async () => {
    const tokenizer = await getTokenizer('gpt-4.1-2025-04-14');
    const plan = planChat(input({ model: 'gpt-4.1-2025-04-14', historyBudget: 0 }), tokenizer);
    expect(estimateOf(plan, 'gpt-4.1-2025-04-14', true).costUsd).toBeCloseTo((plan.promptTokens * 2) / 1_000_000, 12);
  });
});
