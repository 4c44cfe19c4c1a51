import type { ActionContext, ActionDefinition } from '@/utils/background/action';
import { asObject, asString, refuse } from '@/utils/background/validate';
import { AppError } from '@/utils/errors';
import type { Locale } from '@/utils/i18n';
import { languageName, LANGUAGES } from '@/utils/languages';
import { callModel } from '@/utils/llm/background/model-call';
import type { Settings } from '@/utils/settings';
import { resolveAction } from '@/utils/actions/builtins';
import { getActions } from '@/utils/actions/store';
import { buildActionRequest, type TemplateValues } from '@/utils/actions/template';
import { ACTION_LIMITS, type ActionRunInput, type AnswerTarget } from '@/utils/actions/types';
import type { ChatRequestSpec } from '@/utils/llm/request';

/** The language answers are written in: the general answer language, or the interface's. */
export function answerLanguage(settings: Pick<Settings, 'targetLanguage'>, locale: Locale): string {
  const code =
    settings.targetLanguage === 'auto' || !Object.hasOwn(LANGUAGES, settings.targetLanguage) ? locale : settings.targetLanguage;
  return languageName(code);
}

/** Checks what a page sends to run an action (the card's run, or a run for the side panel). */
export function parseRunInput(raw: unknown): ActionRunInput {
  const value = asObject(raw);
  const selection = asString(value.selection, 'selection', ACTION_LIMITS.selection);
  if (!selection.trim()) refuse('nothing selected');
  return {
    actionId: asString(value.actionId, 'actionId', 40),
    selection,
    surrounding: asString(value.surrounding ?? '', 'surrounding', ACTION_LIMITS.surrounding),
    pageTitle: asString(value.pageTitle ?? '', 'pageTitle', ACTION_LIMITS.title),
    url: asString(value.url ?? '', 'url', ACTION_LIMITS.url),
  };
}

/**
 * The request of one run of a stored action: the template comes from storage, never from the
 * page, which only chooses an action by id and supplies the data (quoted as such). The card and
 * the side panel send exactly this. `where` refuses an action whose answer goes elsewhere.
 */
export async function actionRequest(
  input: ActionRunInput,
  settings: Settings,
  locale: Locale,
  where?: AnswerTarget,
): Promise<{ name: string; spec: ChatRequestSpec }> {
  const stored = (await getActions()).find((action) => action.id === input.actionId && action.enabled);
  if (!stored || (where && stored.answerIn !== where)) throw new AppError('refused', { detail: 'no such action' });
  const action = resolveAction(stored, locale);
  const values: TemplateValues = {
    selection: input.selection,
    surrounding: input.surrounding,
    page_title: input.pageTitle,
    url: input.url,
    language: answerLanguage(settings, locale),
  };
  return { name: action.name, spec: buildActionRequest(action, values, settings.model) };
}

/**
 * Runs one of the stored actions through the one model path (budget checked, filed in the ledger
 * under the action's name) to the configured endpoint.
 */
async function run(input: ActionRunInput, ctx: ActionContext): Promise<string> {
  const { name, spec } = await actionRequest(input, ctx.settings, ctx.locale);
  const result = await callModel({ feature: name, spec, signal: ctx.signal, onDelta: (delta) => ctx.delta(delta) }, ctx);
  ctx.usage(result.usage);
  return result.finishReason;
}

/** A selection action's answer; aborted when its card closes (nobody will read it). */
export const runActionDefinition: ActionDefinition<'runAction'> = {
  keepOnDisconnect: false,
  allowedFrom: ['extension-page', 'content-script'],
  parse: parseRunInput,
  run,
};
