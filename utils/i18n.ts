import enActions from '@/locales/en/actions.json';
import enAsk from '@/locales/en/ask.json';
import enCommon from '@/locales/en/common.json';
import enErrors from '@/locales/en/errors.json';
import enOptions from '@/locales/en/options.json';
import enPageTranslate from '@/locales/en/pagetranslate.json';
import enSetup from '@/locales/en/setup.json';
import enChat from '@/locales/en/chat.json';
import enSummary from '@/locales/en/summary.json';
import enTranslate from '@/locales/en/translate.json';
import enUsage from '@/locales/en/usage.json';
import enVoice from '@/locales/en/voice.json';
import zhActions from '@/locales/zh-CN/actions.json';
import zhAsk from '@/locales/zh-CN/ask.json';
import zhChat from '@/locales/zh-CN/chat.json';
import zhCommon from '@/locales/zh-CN/common.json';
import zhErrors from '@/locales/zh-CN/errors.json';
import zhOptions from '@/locales/zh-CN/options.json';
import zhPageTranslate from '@/locales/zh-CN/pagetranslate.json';
import zhSetup from '@/locales/zh-CN/setup.json';
import zhSummary from '@/locales/zh-CN/summary.json';
import zhTranslate from '@/locales/zh-CN/translate.json';
import zhUsage from '@/locales/zh-CN/usage.json';
import zhVoice from '@/locales/zh-CN/voice.json';

/** The interface languages Glance ships. */
export type Locale = 'en' | 'zh-CN';
/** A stored language preference: a locale, or follow the browser. */
export type LocalePreference = Locale | 'auto';

const en = {
  ...enCommon,
  ...enErrors,
  ...enOptions,
  ...enChat,
  ...enSummary,
  ...enTranslate,
  ...enUsage,
  ...enActions,
  ...enAsk,
  ...enPageTranslate,
  ...enSetup,
  ...enVoice,
};
/** Every user-visible string has a key here; English is the reference set. */
export type MessageKey = keyof typeof en;

// Typed as complete: a key missing from the Chinese files fails the typecheck.
const zh: Record<MessageKey, string> = {
  ...zhCommon,
  ...zhErrors,
  ...zhOptions,
  ...zhChat,
  ...zhSummary,
  ...zhTranslate,
  ...zhUsage,
  ...zhActions,
  ...zhAsk,
  ...zhPageTranslate,
  ...zhSetup,
  ...zhVoice,
};

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zh };

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
  return Object.hasOwn(en, key);
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
  const template = dictionaries[locale][key] ?? en[key];
  if (!params) return template;
  return template
    .replace(PLURAL, (match, name: string, forms: string) =>
      Object.hasOwn(params, name) ? pluralForm(forms, params[name]!, locale) : match,
    )
    .replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : match));
}
