import { browser, type Browser } from 'wxt/browser';
import type { MenuItem } from '@/utils/background/feature';

/** The address of the summary view pinned to a tab, starting at once (`run=1`). */
export function summaryViewPath(tabId: number): `/popup.html${string}` {
  return `/popup.html?tabId=${tabId}&view=summary&run=1`;
}

/**
 * Opens the summary view for a tab in a small window of its own and starts summarizing. Used by
 * the context menu and the keyboard shortcut, which cannot open the toolbar popup with a target.
 * Both grant activeTab on that tab, which lets the background read it.
 */
export async function openSummaryFor(tab: Browser.tabs.Tab | undefined): Promise<void> {
  if (tab?.id === undefined || tab.id < 0) return;
  const url = browser.runtime.getURL(summaryViewPath(tab.id));
  if (browser.windows?.create) await browser.windows.create({ url, type: 'popup', width: 480, height: 640 });
  else await browser.tabs.create({ url });
}

/** Context menu: "Summarize this page" (on the page, or on a selection, which it then summarizes). */
export const SUMMARIZE_MENU_ITEM: MenuItem = {
  id: 'glance-summarize-page',
  title: 'menuSummarizePage',
  // The enum's values, as the browser takes them (the generated types only accept the enum).
  contexts: ['page', 'selection'] as unknown as MenuItem['contexts'],
  onClick: (_info, tab) => openSummaryFor(tab),
};

/** Keyboard shortcut name (wxt.config.ts `commands`). */
export const SUMMARIZE_COMMAND = 'summarize-page';
