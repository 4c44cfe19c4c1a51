import { browser } from 'wxt/browser';

/** The `?tabId=N` an extension page was opened with, or null when absent or not a tab id. */
export function pinnedTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/**
 * The tab an extension page acts on: the one pinned by `?tabId=N` (the context menu, the keyboard
 * shortcut and tests open pages that way), otherwise the active tab of the page's own window.
 * Null when there is none (a popup opened with no normal window around it).
 */
export async function resolveTargetTab(search: string = globalThis.location?.search ?? ''): Promise<number | null> {
  const pinned = pinnedTabId(search);
  if (pinned !== null) return pinned;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
