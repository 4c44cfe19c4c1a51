import type { ActionContext, ActionDefinition } from '@/utils/background/action';
import { asObject, asOptionalString, asString, asTabId, asId, refuse } from '@/utils/background/validate';
import { asAppError, toWireError, AppError } from '@/utils/errors';
import { callModel, usageBeforeFailure } from '@/utils/llm/background/model-call';
import type { ActionInput } from '@/utils/protocol';
import type { PageTurn } from '@/utils/ask/types';
import { passagesOf, readBlocks } from './page-blocks';
import { prepareAsk } from './plan';
import { putTurn } from './store';

const MAX_QUESTION_CHARS = 20_000;
const MAX_SELECTION_CHARS = 50_000;

function parse(raw: unknown): ActionInput<'askPageCited'> {
  const value = asObject(raw);
  const question = asString(value.question, 'question', MAX_QUESTION_CHARS);
  if (!question.trim()) refuse('empty question');
  const selection = asOptionalString(value.selection, 'selection', MAX_SELECTION_CHARS);
  return { tabId: asTabId(value.tabId), question, turnId: asId(value.turnId, 'turnId'), ...(selection ? { selection } : {}) };
}

/**
 * A question about a tab's page, answered with citations of its numbered blocks. The page is read
 * now; the turn is stored (keyed by the page's address) with the blocks that were sent, whatever
 * the outcome, so a reopened panel shows it and its citations still work.
 */
async function run(input: ActionInput<'askPageCited'>, ctx: ActionContext): Promise<string> {
  const read = await readBlocks(input.tabId, { fresh: true });
  const selection = input.selection ?? read.selection;
  const prepared = await prepareAsk(read, input.question, ctx.settings, selection);
  if (prepared.view.promptTokens > prepared.view.inputLimit) throw new AppError('context_too_long');
  const turn: PageTurn = {
    id: input.turnId,
    question: input.question,
    ...(selection ? { selection } : {}),
    answer: '',
    status: 'done',
    sent: prepared.selection.sent,
    total: prepared.selection.total,
    tokens: prepared.selection.tokens,
    passages: passagesOf(read.blocks, prepared.selection.sent),
    createdAt: Date.now(),
  };
  const store = (final: PageTurn) =>
    putTurn(read.page.url, read.page.title, final).catch((error) => console.error('page conversation write failed', error));
  let text = '';
  try {
    const result = await callModel(
      {
        feature: 'ask',
        spec: prepared.spec,
        signal: ctx.signal,
        onDelta: (delta) => {
          text += delta;
          ctx.delta(delta);
        },
      },
      ctx,
    );
    ctx.usage(result.usage);
    await store({ ...turn, answer: result.text, usage: result.usage });
    return result.finishReason;
  } catch (error) {
    const appError = asAppError(error);
    const usage = usageBeforeFailure(appError);
    await store({
      ...turn,
      answer: text,
      status: appError.code === 'aborted' ? 'stopped' : 'error',
      ...(usage ? { usage } : {}),
      ...(appError.code === 'aborted' ? {} : { error: toWireError(appError, ctx.locale) }),
    });
    throw appError;
  }
}

/** Asking about the page in the side panel; kept (and stored) when the panel closes. */
export const askPageCitedAction: ActionDefinition<'askPageCited'> = {
  keepOnDisconnect: true,
  allowedFrom: ['extension-page'],
  parse,
  run,
};
