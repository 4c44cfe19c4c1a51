import { t, type Locale, type MessageKey } from '@/utils/i18n';
import { BUILTIN_IDS, type ActionSpec, type BuiltinId } from './types';

const TEXT: Record<BuiltinId, { name: MessageKey; prompt: MessageKey; icon: string; replace: boolean }> = {
  explain: { name: 'actionExplain', prompt: 'actionExplainPrompt', icon: '?', replace: false },
  summarize: { name: 'actionSummarize', prompt: 'actionSummarizePrompt', icon: '≡', replace: false },
  rewrite: { name: 'actionRewrite', prompt: 'actionRewritePrompt', icon: '✎', replace: true },
  'fix-grammar': { name: 'actionFixGrammar', prompt: 'actionFixGrammarPrompt', icon: '✓', replace: true },
  ask: { name: 'actionAsk', prompt: 'actionAskPrompt', icon: '…', replace: false },
};

/** The built-in actions as first stored: names and prompts empty, meaning the interface language's. */
export function defaultActions(): ActionSpec[] {
  return BUILTIN_IDS.map((id) => ({
    id,
    builtin: id,
    name: '',
    prompt: '',
    icon: TEXT[id].icon,
    model: '',
    temperature: null,
    replace: TEXT[id].replace,
    answerIn: 'card',
    enabled: true,
  }));
}

/** A built-in action's default name and prompt in a language. */
export function builtinText(id: BuiltinId, locale: Locale): { name: string; prompt: string } {
  return { name: t(TEXT[id].name, undefined, locale), prompt: t(TEXT[id].prompt, undefined, locale) };
}

/** An action with a built-in's empty name or prompt filled in the given language. */
export function resolveAction(action: ActionSpec, locale: Locale): ActionSpec {
  if (!action.builtin) return action;
  const text = builtinText(action.builtin, locale);
  return { ...action, name: action.name || text.name, prompt: action.prompt || text.prompt };
}

/**
 * An edited action as stored: a built-in's name or prompt equal to the default in the language
 * it was edited in is stored empty again, so it keeps following the interface language.
 */
export function unresolveAction(action: ActionSpec, locale: Locale): ActionSpec {
  if (!action.builtin) return action;
  const text = builtinText(action.builtin, locale);
  return {
    ...action,
    name: action.name === text.name ? '' : action.name,
    prompt: action.prompt === text.prompt ? '' : action.prompt,
  };
}
