import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractPage } from '@/utils/page/extract';

/**
 * Injected into a tab only when the user asks for a summary or a question about the page
 * (`scripting.executeScript`); nothing runs on pages otherwise. Its value is the script's
 * result: the page's text as Markdown (the selection's, unless the whole page was chosen), or why
 * there is none.
 */
export default defineUnlistedScript(() => {
  // Set just before by the background (utils/summary/background/page-access.ts), in this same
  // isolated world the page cannot reach: the user chose the whole page over their selection.
  const flags = globalThis as { glanceWholePage?: boolean };
  const wholePage = flags.glanceWholePage === true;
  delete flags.glanceWholePage;
  return extractPage(document, window.getSelection(), wholePage);
});
