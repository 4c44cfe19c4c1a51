import { browser } from 'wxt/browser';
import { AppError } from '@/utils/errors';

/** The highlight's name in the page's `CSS.highlights`. */
export const CITATION_HIGHLIGHT = 'glance-citation';

/** How the highlight looks: a user style sheet (the page's DOM is not touched). */
const HIGHLIGHT_CSS = `::highlight(${CITATION_HIGHLIGHT}) { background-color: #ffd54f; color: #111; }`;
/** Tabs whose current page has the style sheet (a navigation drops it: see forgetTabStyle). */
const styled = new Set<number>();

/**
 * Shows a cited block in its tab: scrolls to it and highlights exactly its text. `found: false`
 * when the text is no longer on the page (it changed): nothing else is highlighted instead.
 */
export async function showCitation(tabId: number, text: string, nth: number, before = ''): Promise<{ found: boolean }> {
  try {
    // One style sheet per page load, inserted while the highlighter runs.
    const styling = styled.has(tabId)
      ? Promise.resolve()
      : browser.scripting.insertCSS({ target: { tabId, allFrames: true }, css: HIGHLIGHT_CSS }).then(() => {
          styled.add(tabId);
        });
    // The highlighter, run in the page, loads with the first citation shown.
    const { highlightPassage } = await import('@/utils/page/cite-highlight');
    const [frame] = await browser.scripting.executeScript({
      target: { tabId },
      func: highlightPassage,
      args: [text, nth, CITATION_HIGHLIGHT, before, HIGHLIGHT_CSS],
    });
    await styling.catch(() => {});
    const result = frame?.result as { found?: unknown } | undefined;
    return { found: result?.found === true };
  } catch (error) {
    throw new AppError('page_unreadable', { detail: error instanceof Error ? error.message : String(error), cause: error });
  }
}

/** Forgets a tab's style mark when it navigates or closes (the next citation styles it again). */
export function forgetTabStyle(tabId: number): void {
  styled.delete(tabId);
}
