import { detectLanguage, sameLanguage } from '@/utils/language-detect';

/**
 * Whether a paragraph's text needs translating into `target`: it has words (code and link numbers
 * aside) and is not already in that language (the selection translator's detector).
 */
export function needsTranslation(text: string, target: string): boolean {
  const words = text.replace(/`[^`]*`|\]\(\d+\)/g, '');
  if (!/\p{L}/u.test(words)) return false;
  const language = detectLanguage(words).code;
  return !(language !== 'und' && sameLanguage(language, target));
}
