import { planTranslation, type TranslatePair } from '@/utils/translate/target';
import type { PageEstimate } from '@/utils/pagetranslate/types';
import { paragraphTokens } from './queue-plan';

/** Rough size of the page's paragraphs (collectParagraphs), on screen and in all, without sending anything. */
export function estimatePage(elements: readonly Element[]): PageEstimate {
  let visibleTokens = 0;
  let totalTokens = 0;
  for (const element of elements) {
    const tokens = paragraphTokens(element.textContent ?? '');
    totalTokens += tokens;
    const box = element.getBoundingClientRect();
    if (box.bottom > 0 && box.top < innerHeight && box.width > 0) visibleTokens += tokens;
  }
  return { visibleTokens, totalTokens, paragraphs: elements.length };
}

/** How many of the page's first paragraphs its language is judged on. */
export const TARGET_SAMPLE = 40;

/**
 * The language a page is translated into, by the selection translator's rule: your language,
 * unless the page is already in it (then your second language). Judged on its first paragraphs.
 */
export function pageTarget(pair: TranslatePair, paragraphs: readonly Element[]): string {
  const sample = paragraphs
    .slice(0, TARGET_SAMPLE)
    .map((element) => element.textContent ?? '')
    .join('\n')
    .slice(0, 4000);
  return planTranslation(sample, pair).target;
}
