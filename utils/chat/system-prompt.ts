import { PAGE_DATA_RULE } from '@/utils/actions/template';
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

/**
 * Pure: the system prompt of a conversation whose messages (`texts`) may quote a page's selection
 * in tags (the Explain starter does): then the actions' rule that quoted page text is data, never
 * instructions, comes with it, after the user's own prompt.
 */
export function withPageDataRule(systemPrompt: string, texts: readonly string[]): string {
  if (!texts.some((text) => text.includes('<selection>'))) return systemPrompt;
  return [systemPrompt.trim(), PAGE_DATA_RULE].filter(Boolean).join('\n\n');
}
