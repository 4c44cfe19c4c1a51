import { planChat, type ChatCounter, type ChatPlan } from '@/utils/chat/history-budget';
import type { ChatRequestSpec } from '@/utils/llm/request';
import { MAX_MESSAGE_CHARS, type ChatInput } from '@/utils/chat/types';
import { AppError, asAppError, toWireError } from '@/utils/errors';
import type { UsageReport } from '@/utils/llm/usage-report';
import type { Settings } from '@/utils/settings';
import { resolveLocale } from '@/utils/i18n';
import { systemPromptFor, withPageDataRule } from '@/utils/chat/system-prompt';
import { AnswerWriter, type AnswerEnd } from './answers';
import { byteBound, chatCounter } from './counter';
import { prepareRegenerate, prepareSend, type ChatRequestInput } from './turns';
import { resolveConnection } from '@/utils/llm/background/client';
import { callModel, usageBeforeFailure } from '@/utils/llm/background/model-call';
import { asId, asModel, asObject, asOneOf, asString, refuse } from '@/utils/background/validate';
import type { ActionContext, ActionDefinition } from '@/utils/background/action';

export type { ChatRequestInput } from './turns';

/**
 * Pure: the request for a chat turn. The system prompt comes first, then the newest history that
 * fits the model's window and the user's history budget, then the question. The composer's
 * estimate is computed by this same function.
 */
export function buildRequest(
  input: ChatRequestInput,
  settings: Settings,
  counter: ChatCounter,
): { spec: ChatRequestSpec; plan: ChatPlan } {
  const plan = planChat(
    {
      model: input.model,
      systemPrompt: withPageDataRule(systemPromptFor(settings.chatSystemPrompt, resolveLocale(settings.uiLanguage)), [
        input.message,
        ...input.history.map((turn) => turn.content),
      ]),
      history: input.history,
      message: input.message,
      historyBudget: settings.chatHistoryBudget,
    },
    counter,
  );
  return { spec: { model: input.model, turns: plan.turns }, plan };
}

/**
 * The request, without waiting for the tokenizer (2 MB of ranks, loaded when a stopped worker
 * wakes) when it cannot change the answer: if every turn fits by the byte bound, exact counts
 * keep every turn too. Otherwise (long conversations) the exact counts choose the history.
 */
async function planSend(input: ChatRequestInput, settings: Settings): Promise<{ spec: ChatRequestSpec; plan: ChatPlan }> {
  const bound = buildRequest(input, settings, byteBound);
  if (bound.plan.fits && bound.plan.historyIncluded === bound.plan.historyTotal) return bound;
  return buildRequest(input, settings, await chatCounter(input.model));
}

function parse(raw: unknown): ChatInput {
  const value = asObject(raw);
  const op = asOneOf(value.op, ['send', 'regenerate'] as const, 'op');
  const conversationId = asId(value.conversationId, 'conversationId');
  const answerId = asId(value.answerId, 'answerId');
  if (op === 'regenerate') return { op, conversationId, answerId };
  const text = asString(value.text, 'text', MAX_MESSAGE_CHARS);
  if (!text.trim()) refuse('text is empty');
  const model = asModel(value.model);
  const messageId = asId(value.messageId, 'messageId');
  if (messageId === answerId) refuse('ids are equal');
  return { op, conversationId, messageId, answerId, text, model };
}

async function run(input: ChatInput, ctx: ActionContext): Promise<string> {
  // The key and site access are looked up while the conversation is read and the turn stored.
  const connecting = resolveConnection(ctx.settings);
  connecting.catch(() => {});
  const prepared = input.op === 'send' ? await prepareSend(input) : await prepareRegenerate(input, ctx.settings);
  const writer = new AnswerWriter(prepared.answer, ctx.jobId, undefined, prepared.stored);
  // Stored alongside the request, not before it: the question's write may still be on its way
  // (prepareSend). If it fails, the request stops, and writer.finish throws its failure to the user.
  const halt = new AbortController();
  prepared.stored?.catch(() => halt.abort());
  const begun = writer.begin();
  begun.catch(() => {});
  let result: Awaited<ReturnType<typeof callModel>>;
  try {
    const built = await planSend(prepared.request, ctx.settings);
    if (!built.plan.fits) throw new AppError('context_too_long');
    result = await callModel(
      {
        feature: 'chat',
        spec: built.spec,
        signal: AbortSignal.any([ctx.signal, halt.signal]),
        onDelta: (delta) => {
          writer.append(delta);
          ctx.delta(delta);
        },
      },
      { ...ctx, connection: connecting },
    );
  } catch (error) {
    const failure = ctx.signal.aborted ? new AppError('aborted') : asAppError(error);
    const end = endOf(failure, writer.content, usageBeforeFailure(error), ctx);
    if (end.usage) ctx.usage(end.usage);
    await begun.catch(() => {});
    // A failed write here throws storage_failed instead: the user must learn the answer is not saved.
    await writer.finish(end);
    throw end.failure;
  }
  ctx.usage(result.usage);
  await begun.catch(() => {});
  // Reasoning is never the answer; it is kept, folded under it, only for users who asked for it.
  const reasoning = ctx.settings.showReasoning && result.reasoning ? result.reasoning : undefined;
  await writer.finish({ status: 'done', usage: result.usage, reasoning });
  return result.finishReason;
}

/** Failures after text whose own message says more than "the connection closed". */
const SAYS_WHY_IT_STOPPED = new Set(['interrupted', 'deadline_exceeded']);

/**
 * How a failed answer ends: stopped (the user's choice, no error shown), interrupted (text
 * arrived, then the connection or the provider failed: what arrived is kept, Retry redoes it)
 * or error. What arrived was billed, so its usage (as the ledger recorded it) is kept.
 */
function endOf(
  failure: AppError,
  text: string,
  usage: UsageReport | undefined,
  ctx: ActionContext,
): AnswerEnd & { failure: AppError } {
  if (failure.code === 'aborted') return { status: 'stopped', usage, failure };
  const shown =
    text && !SAYS_WHY_IT_STOPPED.has(failure.code)
      ? new AppError('interrupted', { params: failure.params, detail: failure.detail })
      : failure;
  return { status: text ? 'interrupted' : 'error', usage, error: toWireError(shown, ctx.locale), failure: shown };
}

/** A multi-turn chat answer, stored as it streams; kept when the popup closes. */
export const chatAction: ActionDefinition<'chat'> = {
  keepOnDisconnect: true,
  allowedFrom: ['extension-page'],
  parse,
  run,
};
