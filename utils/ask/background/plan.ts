import type { Settings } from '@/utils/settings';
import { getTokenizer } from '@/utils/llm/tokens';
import { inputLimitFor } from '@/utils/llm/model-limits';
import { costOf, priceFor } from '@/utils/llm/pricing';
import type { ChatRequestSpec, ChatTurn } from '@/utils/llm/request';
import { needsConfirmation } from '@/utils/summary/plan';
import { buildAskRequest } from '@/utils/ask/prompt';
import { citedNumbers } from '@/utils/ask/citations';
import { selectBlocks, type AskSelection } from '@/utils/ask/retrieve';
import { currentTurns, type AskPlanView, type PageConversation } from '@/utils/ask/types';
import type { BlockPage } from './page-blocks';
import { getConversation } from './store';

/** A question ready to send: what goes, the request, its size and cost. */
export interface PreparedAsk {
  selection: AskSelection;
  spec: ChatRequestSpec;
  view: AskPlanView;
}

/** The conversation so far as chat turns (finished answers only). */
export function historyOf(conversation: PageConversation | null): ChatTurn[] {
  return currentTurns(conversation)
    .filter((turn) => turn.status === 'done' && turn.answer)
    .flatMap((turn): ChatTurn[] => [
      { role: 'user', content: turn.question },
      { role: 'assistant', content: turn.answer },
    ]);
}

/** Plans a question on a read page: the blocks for it within the ask budget, the request, the cost. */
export async function prepareAsk(
  read: BlockPage,
  question: string,
  settings: Settings,
  selection: string = read.selection,
): Promise<PreparedAsk> {
  const tokenizer = await getTokenizer(settings.model);
  const conversation = await getConversation(read.page.url).catch(() => null);
  // The selection (and the section around it) is what the question is about: rank for both. A
  // follow-up ("and for how long?") is ranked with the question before it too, and keeps the
  // passages the last answer cited.
  const previous = currentTurns(conversation)
    .filter((turn) => turn.status === 'done')
    .at(-1);
  const query = [selection, previous?.question, question].filter(Boolean).join('\n');
  const carried = previous ? citedNumbers(previous.answer, new Set(previous.sent)) : [];
  const chosen = selectBlocks(read.blocks, query, settings.askPageBudget, tokenizer.count, carried);
  const sent = new Set(chosen.sent);
  const spec = buildAskRequest({
    title: read.page.title,
    url: read.page.url,
    blocks: read.blocks.filter((block) => sent.has(block.n)),
    history: historyOf(conversation),
    question,
    selection,
    model: settings.model,
  });
  const promptTokens = tokenizer.countChat(spec.turns);
  const costUsd = costOf(
    { promptTokens, cachedTokens: 0, completionTokens: 0 },
    priceFor(settings.model, settings.priceOverrides),
  );
  const view: AskPlanView = {
    url: read.page.url,
    title: read.page.title,
    sentCount: chosen.sent.length,
    total: chosen.total,
    pageTokens: chosen.tokens,
    promptTokens,
    inputLimit: inputLimitFor(settings.model),
    exact: tokenizer.exact,
    model: settings.model,
    costUsd,
    selection: selection.length > 200 ? `${selection.slice(0, 200)}…` : selection,
    needsConfirm: needsConfirmation(
      { inputTokens: promptTokens, outputTokens: 400, costUsd: costUsd === null ? null : costUsd * 1.3 },
      settings.summaryConfirmAboveUsd,
    ),
  };
  return { selection: chosen, spec, view };
}
