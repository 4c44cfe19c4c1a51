import { asWholePage } from './page-access';
import type { ChatRequestSpec } from '@/utils/llm/request';
import { selectExcerpts } from '@/utils/summary/excerpts';
import type { ActionInput } from '@/utils/protocol';
import type { ChatTurn } from '@/utils/llm/request';
import type { Settings } from '@/utils/settings';
import { buildAskRequest } from '@/utils/summary/prompts';
import { pageBudget } from '@/utils/summary/plan';
import type { Tokenizer } from '@/utils/llm/tokens';
import { callModel } from '@/utils/llm/background/model-call';
import { readPage, type ReadPage } from './inspect-page';
import { appendToThread, getCachedSummary } from './cache';
import { asArray, asObject, asOneOf, asString, asTabId, refuse } from '@/utils/background/validate';
import type { ActionContext, ActionDefinition } from '@/utils/background/action';

const MAX_TURNS = 200;
const MAX_TURN_CHARS = 100_000;

function parse(raw: unknown): ActionInput<'askPage'> {
  const value = asObject(raw);
  const turns: ChatTurn[] = asArray(value.turns, 'turns', MAX_TURNS).map((item) => {
    const turn = asObject(item, 'turn');
    // No system turns from outside: the instructions are ours.
    return {
      role: asOneOf(turn.role, ['user', 'assistant'] as const, 'role'),
      content: asString(turn.content, 'content', MAX_TURN_CHARS),
    };
  });
  if (turns.at(-1)?.role !== 'user' || !turns.at(-1)!.content.trim()) refuse('the last turn must be a question');
  return { tabId: asTabId(value.tabId), turns, wholePage: asWholePage(value.wholePage) };
}

/**
 * Pure: the request for a question about a page. The whole page when it fits beside the thread;
 * otherwise the summary (when there is one) and the passages that match the question.
 */
function buildRequest(
  read: Pick<ReadPage, 'page' | 'language'>,
  turns: ChatTurn[],
  summary: string | null,
  tokenizer: Pick<Tokenizer, 'count' | 'exact'>,
  settings: Settings,
): ChatRequestSpec {
  const { page, language } = read;
  const threadTokens = turns.reduce((sum, turn) => sum + tokenizer.count(turn.content) + 4, 0);
  const room = pageBudget(settings, tokenizer.exact) - threadTokens;
  let context = page.markdown;
  if (tokenizer.count(page.markdown) > room) {
    const lead = summary ? `${summary.trim()}\n\n[…]\n\n` : '';
    context = lead + selectExcerpts(page.markdown, turns.at(-1)!.content, room - tokenizer.count(lead), tokenizer.count);
  }
  return buildAskRequest(page, context, turns, language.name, settings.model);
}

async function run(input: ActionInput<'askPage'>, ctx: ActionContext): Promise<string> {
  const read = await readPage(input.tabId, ctx.settings, ctx.locale, input.wholePage);
  const cached = await getCachedSummary(read.key).catch(() => null);
  const spec = buildRequest(read, input.turns, cached?.text ?? null, read.tokenizer, ctx.settings);
  const result = await callModel({ feature: 'ask', spec, signal: ctx.signal, onDelta: ctx.delta }, ctx);
  ctx.usage(result.usage);
  // The thread lives with the page's summary, so a reopened popup shows it again.
  await appendToThread(read.key, [input.turns.at(-1)!, { role: 'assistant', content: result.text }]).catch((error) =>
    console.error('thread write failed', error),
  );
  return result.finishReason;
}

/** A follow-up question about a tab's page; kept (and stored with the summary) when the view closes. */
export const askPageAction: ActionDefinition<'askPage'> = {
  keepOnDisconnect: true,
  allowedFrom: ['extension-page'],
  parse,
  run,
};
