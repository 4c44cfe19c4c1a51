import { t, type Locale } from '@/utils/i18n';

const LOCALES: Locale[] = ['en', 'zh-CN'];

/** The system prompt Glance ships, in an interface language. */
export function defaultSystemPrompt(locale: Locale): string {
  return t('chatSystemPromptDefault', undefined, locale);
}

/** Whether a stored prompt is one of the shipped defaults (in any language), not the user's own. */
export function isDefaultSystemPrompt(text: string): boolean {
  return LOCALES.some((locale) => defaultSystemPrompt(locale) === text);
}

/**
 * The system prompt to send and show: a default follows the interface language (a Chinese interface
 * sends and shows the Chinese default, whatever language it was saved in); the user's own text,
 * or an empty one (send none), stays as written.
 */
export function systemPromptFor(stored: string, locale: Locale): string {
  return isDefaultSystemPrompt(stored) ? defaultSystemPrompt(locale) : stored;
}
