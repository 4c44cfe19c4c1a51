import { detectLanguage, sameLanguage } from '@/utils/language-detect';

/** The two languages of the translation rule, from the settings. */
export interface TranslatePair {
  /** Where everything goes (Chinese by default)... */
  translateInto: string;
  /** ...except text already in that language, which goes here (English by default). */
  secondLanguage: string;
}

/**
 * The dictionary rule: text in your language goes to your second language, everything else to
 * yours. With the defaults, Chinese (either script) → English and anything else → Chinese.
 */
export function chooseTarget(source: string, pair: TranslatePair): string {
  return source !== 'und' && sameLanguage(source, pair.translateInto) ? pair.secondLanguage : pair.translateInto;
}

/** Detects the source language of a text and picks the target by the rule. */
export function planTranslation(text: string, pair: TranslatePair): { source: string; target: string } {
  const source = detectLanguage(text).code;
  return { source, target: chooseTarget(source, pair) };
}
