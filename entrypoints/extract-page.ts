import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractPage } from '@/utils/page/extract';

/**
 * Injected into a tab only when the user asks for a summary or a question about the page
 * (`scripting.executeScript`); nothing runs on pages otherwise. Its value is the script's
 * result: the page's text as Markdown, or why there is none.
 */
export default defineUnlistedScript(() => extractPage(document, window.getSelection()));
