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
import { ACTION_LIMITS, type ActionRunInput } from '@/utils/actions/types';

/** The language answers are written in: the general answer language, or the interface's. */
export function answerLanguage(settings: Pick<Settings, 'targetLanguage'>, locale: Locale): string {
  const code =
    settings.targetLanguage === 'auto' || !Object.hasOwn(LANGUAGES, settings.targetLanguage) ? locale : settings.targetLanguage;
  return languageName(code);
}

function parse(raw: unknown): ActionRunInput {
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
 * Runs one of the stored actions: the template comes from storage, never from the page, which
 * only chooses an action by id and supplies the data. The call goes through the one model path
 * (budget checked, filed in the ledger under the action's name) to the configured endpoint.
 */
async function run(input: ActionRunInput, ctx: ActionContext): Promise<string> {
  const stored = (await getActions()).find((action) => action.id === input.actionId && action.enabled);
  if (!stored) throw new AppError('refused', { detail: 'no such action' });
  const action = resolveAction(stored, ctx.locale);
  const values: TemplateValues = {
    selection: input.selection,
    surrounding: input.surrounding,
    page_title: input.pageTitle,
    url: input.url,
    language: answerLanguage(ctx.settings, ctx.locale),
  };
  const result = await callModel(
    {
      feature: action.name,
      spec: buildActionRequest(action, values, ctx.settings.model),
      signal: ctx.signal,
      onDelta: (delta) => ctx.delta(delta),
    },
    ctx,
  );
  ctx.usage(result.usage);
  return result.finishReason;
}

/** A selection action's answer; aborted when its card closes (nobody will read it). */
export const runActionDefinition: ActionDefinition<'runAction'> = {
  keepOnDisconnect: false,
  allowedFrom: ['extension-page', 'content-script'],
  parse,
  run,
};
