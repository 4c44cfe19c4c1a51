import { builtinText } from '@/utils/actions/builtins';
import { fillTemplate } from '@/utils/actions/template';
import type { Locale } from '@/utils/i18n';
import { languageName, LANGUAGES } from '@/utils/languages';
import type { Settings } from '@/utils/settings';

/** What the page had selected when a starter was pressed (see the `readSelection` message). */
export interface StarterSelection {
  text: string;
  title: string;
  url: string;
}

/**
 * Pure: the chat message the "Explain" starter sends for a selection: the built-in Explain
 * action's prompt in the interface language, with the page's text quoted in tags as data (as
 * every action sends it), answered in the answer language.
 */
export function explainMessage(selection: StarterSelection, settings: Pick<Settings, 'targetLanguage'>, locale: Locale): string {
  const code =
    settings.targetLanguage === 'auto' || !Object.hasOwn(LANGUAGES, settings.targetLanguage) ? locale : settings.targetLanguage;
  return fillTemplate(builtinText('explain', locale).prompt, {
    selection: selection.text,
    surrounding: '',
    page_title: selection.title,
    url: selection.url,
    language: languageName(code),
  });
}
