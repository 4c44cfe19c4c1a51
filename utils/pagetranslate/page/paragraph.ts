import { roughTokens } from '@/utils/llm/rough-tokens';

/** One paragraph of the page, as the page translation tracks it. */
export interface Paragraph {
  id: string;
  /** Its place among the paragraphs found so far (page order, new content after). */
  index: number;
  element: Element;
  /** Read when it first comes near the screen (then again if the page changes it). */
  text: string;
  links: HTMLAnchorElement[];
  state: 'idle' | 'queued' | 'sent' | 'done' | 'skipped';
  translation: string;
  node?: HTMLElement;
  /** Times the page took our translation out again: a page that keeps doing it is left alone. */
  restored: number;
  /** On screen now (not just within the look-ahead): its batch goes at once. */
  inView: boolean;
}

/** Whether the page's CSS hides an element for now (`display: none`, `visibility: hidden`, or inside such). */
export function hiddenByStyle(element: Element): boolean {
  return (element as HTMLElement).checkVisibility?.({ visibilityProperty: true }) === false;
}

/** A paragraph not read yet: a 20,000-paragraph page starts at once. */
export function newParagraph(index: number, element: Element): Paragraph {
  return { id: `p${index}`, index, element, text: '', links: [], state: 'idle', translation: '', restored: 0, inView: false };
}

/** Likely tokens of a batch's request, text in and out, before its usage is known. */
export function reserve(batch: readonly Paragraph[]): number {
  return batch.reduce((sum, paragraph) => sum + 2 * roughTokens(paragraph.text), 0);
}
