/**
 * Languages Glance answers and translates into, by BCP 47 code, each named in its own language
 * (the convention of language pickers: a reader finds their language whatever the UI language).
 */
export const LANGUAGES: Record<string, { native: string; english: string }> = {
  'zh-CN': { native: '简体中文', english: 'Simplified Chinese' },
  'zh-TW': { native: '繁體中文', english: 'Traditional Chinese' },
  en: { native: 'English', english: 'English' },
  ja: { native: '日本語', english: 'Japanese' },
  ko: { native: '한국어', english: 'Korean' },
  fr: { native: 'Français', english: 'French' },
  de: { native: 'Deutsch', english: 'German' },
  es: { native: 'Español', english: 'Spanish' },
  pt: { native: 'Português', english: 'Portuguese' },
  ru: { native: 'Русский', english: 'Russian' },
  ar: { native: 'العربية', english: 'Arabic' },
  he: { native: 'עברית', english: 'Hebrew' },
};

export const LANGUAGE_CODES = Object.keys(LANGUAGES);

/** The English name of a language code, for prompts (models follow English instructions best). */
export function languageName(code: string): string {
  return LANGUAGES[code]?.english ?? code;
}
