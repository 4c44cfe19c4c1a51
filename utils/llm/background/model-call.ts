import { buildChatBody, type ChatRequestSpec } from '@/utils/llm/request';
import { asAppError } from '@/utils/errors';
import type { Locale } from '@/utils/i18n';
import type { UsageReport } from '@/utils/llm/usage-report';
import type { Settings } from '@/utils/settings';
import { assertWithinBudget } from './budget';
import { reportedUsageOf, streamChatCompletion, type CompletionOptions } from './completion-stream';
import { createClient, resolveConnection, type ClientDeps, type Connection } from './client';
import type { CallRecord } from './ledger';
import type { LedgerFeature } from '@/utils/usage/types';
import { openCall } from './provisional-call';
import { roughUsage, usageOf } from './call-usage';

/** One model call an action wants made. */
export interface ModelCall {
  /** What the ledger files the call under: a feature, or a selection action's name. */
  feature: LedgerFeature;
  spec: ChatRequestSpec;
  signal: AbortSignal;
  onDelta?(text: string): void;
  /** Timeouts and retries, where an action needs other values than the defaults. */
  options?: Pick<CompletionOptions, 'firstChunkTimeoutMs' | 'idleTimeoutMs' | 'deadlineMs' | 'retries' | 'onRetry'>;
}

/** What the caller's context provides. */
export interface ModelCallEnv {
  settings: Settings;
  locale: Locale;
  deps: ClientDeps;
  /**
   * Resolved once by actions that make many calls (map-reduce), or looked up by the action while
   * it prepares the request (a promise); resolved here otherwise.
   */
  connection?: Connection | Promise<Connection>;
}

export interface ModelCallResult {
  text: string;
  finishReason: string;
  usage: UsageReport;
  /** The model's reasoning, apart from the answer, when it sent any. */
  reasoning?: string;
}

/**
/** What failed calls had billed when they failed (the text that arrived), by their error. */
const billedBeforeFailure = new WeakMap<object, UsageReport>();

/** The usage of the text a failed call received before it failed, if any arrived. */
export function usageBeforeFailure(error: unknown): UsageReport | undefined {
  return typeof error === 'object' && error !== null ? billedBeforeFailure.get(error) : undefined;
}

/**
 * The one way actions call the model: checks the budget, writes a provisional ledger line, streams
 * the answer, and settles the line whatever the outcome (an interrupted answer was still billed for
 * the text that arrived, so its estimated usage is recorded with the error code). When the ledger
 * cannot be written, the answer still arrives, its usage flagged `unrecorded`.
 */
export async function callModel(call: ModelCall, env: ModelCallEnv): Promise<ModelCallResult> {
  // Read together; the budget's refusal comes first. Test connection costs one token and must
  // work to diagnose anything, budget or not.
  const resolving = env.connection ? Promise.resolve(env.connection) : resolveConnection(env.settings);
  resolving.catch(() => {});
  if (call.feature !== 'test') await assertWithinBudget(env.settings, env.locale);
  const connection = await resolving;
  const body = buildChatBody(call.spec, connection.provider);
  const prices = env.settings.priceOverrides;
  // Written as the request is sent (its write is queued first, not awaited): a worker that dies
  // mid-answer leaves a billed line, not none. Its prompt is counted roughly at first: a worker
  // that has just woken may have no tokenizer yet, and neither the request nor the first text
  // waits for one; the exact count follows it.
  const line = openCall(lineOf(call.feature, connection.host, roughUsage(body, prices)));
  const countExactly = () =>
    usageOf(body, { text: '', model: body.model }, prices).then(
      (usage) => line.estimate(usage),
      () => {},
    );
  let text = '';
  try {
    const result = await streamChatCompletion(
      createClient(connection, env.deps),
      body,
      { host: connection.host, model: body.model },
      {
        signal: call.signal,
        onDelta: (delta) => {
          if (!text) setTimeout(countExactly);
          text += delta;
          line.arrived(delta);
          call.onDelta?.(delta);
        },
        deadlineMs: env.settings.answerDeadlineMinutes * 60_000,
        ...call.options,
      },
    );
    const usage = await usageOf(body, result, prices);
    // The answer matters more than its ledger line: a full disk must not lose it, only flag it.
    const saved = await line.settle(lineOf(call.feature, connection.host, usage, 'ok'));
    return {
      text: result.text,
      finishReason: result.finishReason,
      usage: saved ? usage : { ...usage, unrecorded: true },
      reasoning: result.reasoning,
    };
  } catch (error) {
    const appError = asAppError(error);
    const reported = reportedUsageOf(appError);
    const usage =
      text || reported || ACCEPTED_WITHOUT_TEXT.has(appError.code)
        ? await usageOf(body, { text, model: reported?.model ?? body.model, usage: reported?.usage }, prices)
        : undefined;
    const saved = await line.settle(lineOf(call.feature, connection.host, usage ?? emptyUsage(body.model), appError.code));
    if (usage) billedBeforeFailure.set(appError, saved ? usage : { ...usage, unrecorded: true });
    throw appError;
  }
}

/**
 * Failures after the provider accepted the request and answered 200: it read (and may bill) the
 * prompt even though no text could be shown, so the ledger gets the prompt's estimate, not 0.
 */
const ACCEPTED_WITHOUT_TEXT = new Set(['malformed_stream', 'tool_call_only']);

function emptyUsage(model: string): UsageReport {
  return { model, promptTokens: 0, completionTokens: 0, cachedTokens: 0, reasoningTokens: 0, estimated: false, costUsd: 0 };
}

/** A call's ledger line from its usage: the final one, or (without a status) the provisional one. */
function lineOf(feature: LedgerFeature, host: string, usage: UsageReport): Omit<CallRecord, 'status'>;
function lineOf(feature: LedgerFeature, host: string, usage: UsageReport, status: CallRecord['status']): CallRecord;
function lineOf(feature: LedgerFeature, host: string, usage: UsageReport, status?: CallRecord['status']) {
  return {
    time: Date.now(),
    feature,
    model: usage.model,
    host,
    promptTokens: usage.promptTokens,
    cachedTokens: usage.cachedTokens,
    completionTokens: usage.completionTokens,
    reasoningTokens: usage.reasoningTokens,
    estimated: usage.estimated,
    costUsd: usage.costUsd,
    ...(status ? { status } : {}),
  };
}
