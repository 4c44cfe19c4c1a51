import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractPage } from '@/utils/page/extract';
import { selectionToMarkdown } from '@/utils/page/selection-markdown';

/** Longest selection a question is about, in characters. */
const MAX_SELECTION_CHARS = 4000;

/**
 * Injected into a tab when the user asks about its page in the side panel (`scripting.executeScript`).
 * Unlike the summary's script, the page is always read whole: a selection is what the question is
 * about, returned beside the page (`page.selection`), so that its surrounding section can be found
 * and cited too.
 */
export default defineUnlistedScript(() => {
  const result = extractPage(document, null);
  if (!result.ok) return result;
  const selection = selectionToMarkdown(window.getSelection()).slice(0, MAX_SELECTION_CHARS);
  return { ok: true, page: { ...result.page, selection } };
});
