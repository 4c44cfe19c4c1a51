import { t } from '@/utils/i18n';
import { defaultActions } from './builtins';
import { ACTION_LIMITS, ANSWER_TARGETS, BUILTIN_IDS, type ActionSpec, type AnswerTarget, type BuiltinId } from './types';

/** A list of actions that cannot be used, with the reason in the user's language. */
export class InvalidActions extends Error {}

const isBuiltin = (value: unknown): value is BuiltinId => BUILTIN_IDS.includes(value as BuiltinId);

/** A short random id for a new action. */
export function newActionId(): string {
  return `a-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * Pure: one action from untrusted JSON, or the reason it is not one. Built-ins may leave their
 * name and prompt empty (the defaults); others need both.
 */
export function parseAction(raw: unknown): ActionSpec | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return t('actionInvalidShape');
  const value = raw as Record<string, unknown>;
  const text = (field: string, max: number): string | undefined => {
    const v = value[field] ?? '';
    return typeof v === 'string' && v.length <= max ? v : undefined;
  };
  const builtin = value.builtin === undefined ? undefined : isBuiltin(value.builtin) ? value.builtin : null;
  if (builtin === null) return `builtin: ${String(value.builtin).slice(0, 40)}`;
  const name = text('name', ACTION_LIMITS.name)?.trim();
  const prompt = text('prompt', ACTION_LIMITS.prompt);
  const icon = text('icon', 8);
  const model = text('model', ACTION_LIMITS.model)?.trim();
  if (name === undefined) return `name`;
  if (prompt === undefined) return `prompt`;
  if (icon === undefined || model === undefined) return icon === undefined ? 'icon' : 'model';
  if (!builtin && !name) return t('actionNeedsName');
  if (!builtin && !prompt.trim()) return t('actionNeedsPrompt');
  const temperature = value.temperature ?? null;
  if (temperature !== null && !(typeof temperature === 'number' && temperature >= 0 && temperature <= 2)) return 'temperature';
  for (const flag of ['replace', 'enabled'] as const)
    if (value[flag] !== undefined && typeof value[flag] !== 'boolean') return flag;
  // Lists from before the choice existed have no answerIn: their answers stay in the card.
  const answerIn = value.answerIn === undefined ? 'card' : value.answerIn;
  if (!ANSWER_TARGETS.includes(answerIn as AnswerTarget)) return 'answerIn';
  const id = typeof value.id === 'string' && /^[\w-]{1,40}$/.test(value.id) ? value.id : (builtin ?? newActionId());
  return {
    id,
    ...(builtin ? { builtin } : {}),
    name,
    prompt,
    icon: [...icon].slice(0, 2).join('') || [...name][0]?.toUpperCase() || '•',
    model,
    temperature,
    replace: value.replace === true,
    answerIn: answerIn as AnswerTarget,
    enabled: value.enabled !== false,
  };
}

/**
 * Pure: a whole list from untrusted JSON (an export file, or a bare array). Throws
 * {@link InvalidActions} with the first reason: a list with one bad entry is refused whole.
 */
export function parseActionList(raw: unknown): ActionSpec[] {
  const list = Array.isArray(raw)
    ? raw
    : raw && typeof raw === 'object' && Array.isArray((raw as { actions?: unknown }).actions)
      ? (raw as { actions: unknown[] }).actions
      : undefined;
  if (!list) throw new InvalidActions(t('actionInvalidShape'));
  if (list.length > ACTION_LIMITS.actions) throw new InvalidActions(t('actionTooMany', { max: ACTION_LIMITS.actions }));
  const ids = new Set<string>();
  return list.map((item, index) => {
    const parsed = parseAction(item);
    if (typeof parsed === 'string') throw new InvalidActions(t('actionInvalidEntry', { index: index + 1, problem: parsed }));
    if (ids.has(parsed.id)) parsed.id = parsed.builtin && !ids.has(parsed.builtin) ? parsed.builtin : newActionId();
    ids.add(parsed.id);
    return parsed;
  });
}

/** Pure: an import file's text read as a list of actions; throws {@link InvalidActions}. */
export function parseImportFile(text: string): ActionSpec[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidActions(t('actionInvalidJson'));
  }
  return parseActionList(json);
}

/**
 * Pure: the list after an import. An imported built-in replaces the stored one; other actions are
 * added after the list (an exact copy of one already there is skipped). Throws when the result
 * would be too long.
 */
export function mergeImport(current: readonly ActionSpec[], imported: readonly ActionSpec[]): ActionSpec[] {
  const next = [...current];
  for (const action of imported) {
    const at = action.builtin ? next.findIndex((a) => a.builtin === action.builtin) : -1;
    if (at >= 0) next[at] = { ...action, id: next[at]!.id };
    else if (!next.some((a) => !a.builtin && a.name === action.name && a.prompt === action.prompt))
      next.push({ ...action, id: next.some((a) => a.id === action.id) ? newActionId() : action.id });
  }
  if (next.length > ACTION_LIMITS.actions) throw new InvalidActions(t('actionTooMany', { max: ACTION_LIMITS.actions }));
  return next;
}

/** Pure: the export file of a list. */
export function exportActions(actions: readonly ActionSpec[]): string {
  return `${JSON.stringify({ glance: 'actions', version: 1, actions }, null, 2)}\n`;
}

/**
 * Pure: the stored value as a usable list: nothing stored gives the built-ins; a damaged list
 * keeps its good entries; a built-in missing from it is added back, switched off.
 */
export function storedActions(raw: unknown): ActionSpec[] {
  if (!Array.isArray(raw)) return defaultActions();
  const ids = new Set<string>();
  const list: ActionSpec[] = [];
  for (const item of raw) {
    const parsed = parseAction(item);
    if (typeof parsed === 'string' || ids.has(parsed.id)) continue;
    ids.add(parsed.id);
    list.push(parsed);
  }
  for (const builtin of defaultActions())
    if (!list.some((a) => a.builtin === builtin.builtin)) list.push({ ...builtin, enabled: false });
  return list;
}
