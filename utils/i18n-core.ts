import type enActions from '@/locales/en/actions.json';
import type enAsk from '@/locales/en/ask.json';
import type enCommon from '@/locales/en/common.json';
import type enErrors from '@/locales/en/errors.json';
import type enOptions from '@/locales/en/options.json';
import type enPageTranslate from '@/locales/en/pagetranslate.json';
import type enSetup from '@/locales/en/setup.json';
import type enChat from '@/locales/en/chat.json';
import type enSummary from '@/locales/en/summary.json';
import type enTranslate from '@/locales/en/translate.json';
import type enUsage from '@/locales/en/usage.json';
import type enVoice from '@/locales/en/voice.json';

/** The interface languages Glance ships. */
export type Locale = 'en' | 'zh-CN';
/** A stored language preference: a locale, or follow the browser. */
export type LocalePreference = Locale | 'auto';

/** Every user-visible string has a key; English (locales/en/*.json) is the reference set. */
export type MessageKey = keyof (typeof enActions &
  typeof enAsk &
  typeof enCommon &
  typeof enErrors &
  typeof enOptions &
  typeof enPageTranslate &
  typeof enSetup &
  typeof enChat &
  typeof enSummary &
  typeof enTranslate &
  typeof enUsage &
  typeof enVoice);

/** Messages by locale, as this context was given them (utils/i18n.ts gives every one; in-page scripts a few). */
const dictionaries: Partial<Record<Locale, Partial<Record<MessageKey, string>>>> = {};

/** Adds messages for a locale to this context's (utils/i18n.ts adds them all; in-page scripts the few they show). */
export function addMessages(locale: Locale, messages: Partial<Record<MessageKey, string>>): void {
  dictionaries[locale] = { ...dictionaries[locale], ...messages };
}

/** Parameters substituted into `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

let current: Locale = resolveLocale('auto');

/** Picks the locale for a preference; `auto` follows the browser (any Chinese variant → zh-CN). */
export function resolveLocale(preference: LocalePreference, browserLanguage?: string): Locale {
  if (preference !== 'auto') return preference;
  const language = browserLanguage ?? globalThis.navigator?.language ?? 'en';
  return language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * Sets the locale used by `t` in this context. In-page UI passes `documentLang: false`: the
 * document there is the web page's, whose `lang` is not ours to change.
 */
export function setLocale(locale: Locale, options: { documentLang?: boolean } = {}): void {
  current = locale;
  if (options.documentLang !== false && globalThis.document) document.documentElement.lang = locale;
}

/** The locale `t` currently uses. */
export function getLocale(): Locale {
  return current;
}

/** Whether a string is one of our message keys (for keys built at run time). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(dictionaries.en ?? dictionaries[current] ?? {}, key);
}

/**
 * A count's plural form in `{name, plural, one {# token} other {# tokens}}` (an ICU subset): English
 * has "one" for exactly 1, Chinese has no plural (always "other"). Written out rather than through
 * the browser's plural rules because these are the only two interface languages and the rule is this small.
 */
const PLURAL = /\{(\w+), plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}/g;

/** The number a parameter stands for: counts often arrive already formatted ("1,234", "≈1"). */
function countOf(value: string | number): number {
  return typeof value === 'number' ? value : Number(String(value).replace(/[^\d.]/g, ''));
}

/** The form of a plural block for `value`: "one" in English for 1, otherwise "other"; `#` is the value. */
function pluralForm(forms: string, value: string | number, locale: Locale): string {
  const category = locale === 'en' && countOf(value) === 1 ? 'one' : 'other';
  const options = new Map([...forms.matchAll(/(\w+)\s*\{([^{}]*)\}/g)].map((m) => [m[1], m[2]] as const));
  return (options.get(category) ?? options.get('other') ?? '').replaceAll('#', String(value));
}

/** Returns the message for `key` in `locale` (default: the current one), placeholders and plurals filled. */
export function t(key: MessageKey, params?: MessageParams, locale: Locale = current): string {
  const template = dictionaries[locale]?.[key] ?? dictionaries.en?.[key] ?? key;
  if (!params) return template;
  return template
    .replace(PLURAL, (match, name: string, forms: string) =>
      Object.hasOwn(params, name) ? pluralForm(forms, params[name]!, locale) : match,
    )
    .replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : match));
}
