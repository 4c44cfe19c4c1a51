import { htmlToMarkdown, type MarkdownOptions } from './html-to-markdown';
import { backtickFence } from './markdown-text';

/** The options for a selection to translate: what the translation card sends. */
export const FOR_TRANSLATION: MarkdownOptions = { forTranslation: true, skipHidden: true };

/**
 * A selected range as Markdown (see htmlToMarkdown for what `options` change); its plain text
 * when nothing of it converts (a selection inside a button, an SVG's text).
 */
export function rangeToMarkdown(range: Range, options: MarkdownOptions = {}): string {
  return convertRange(range, options) || range.toString().trim();
}

/**
 * The page's selection as Markdown, every range of it (Firefox selects table cells as several);
 * '' when nothing is selected, and its plain text when nothing of it converts (text selected in a
 * form field is in no range).
 */
export function selectionToMarkdown(selection: Selection | null, options: MarkdownOptions = {}): string {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const plain = selection.toString().trim();
  if (!plain) return '';
  const parts: string[] = [];
  for (let i = 0; i < selection.rangeCount; i++) parts.push(convertRange(selection.getRangeAt(i), options));
  return parts.filter(Boolean).join('\n\n').trim() || plain;
}

function convertRange(range: Range, options: MarkdownOptions): string {
  if (options.forTranslation) {
    const container = range.commonAncestorContainer;
    const element = container instanceof Element ? container : container.parentElement;
    // A selection inside one code block is all code: fenced, so it is kept out of the translation.
    if (element?.closest('pre')) return backtickFence(range.toString());
  }
  return htmlToMarkdown(range.cloneContents(), options);
}
