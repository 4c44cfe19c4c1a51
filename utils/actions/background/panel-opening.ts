import { browser, type Browser } from 'wxt/browser';
import { openSidePanel } from '@/utils/ask/open-panel';
import { classifySender } from '@/utils/background/sender';

/** Side panels opened by the very event that asked, before anything was awaited, by tab. */
const openings = new Map<number, { at: number; opened: Promise<boolean> }>();
/** An opening older than this belongs to an earlier request (one that never reached the handler). */
const OPENING_FRESH_MS = 10_000;

/**
 * Opens the side panel of a tab now, while the user's gesture (a menu item, a shortcut, a click
 * on the toolbar) still counts; the request that follows is told whether it opened. An opening
 * already under way for the tab is kept: a later attempt, without the gesture, would fail.
 */
export function openPanelNow(tabId: number): void {
  const current = openings.get(tabId);
  if (current && Date.now() - current.at < OPENING_FRESH_MS) return;
  openings.set(tabId, { at: Date.now(), opened: opened(tabId) });
}

/** The opening made for a tab by the event that asked, or (none, or too old) one made now. */
export function takeOpening(tabId: number): Promise<boolean> {
  const current = openings.get(tabId);
  openings.delete(tabId);
  return current && Date.now() - current.at < OPENING_FRESH_MS ? current.opened : opened(tabId);
}

/**
 * Opens the side panel for a tab the moment a content script asks for an action's answer there:
 * `sidePanel.open()` counts only while the event that led to it is being dispatched, and the
 * message handler runs after awaits. The handler then learns from `openings` whether it opened.
 */
export function openPanelsAtOnce(): void {
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    const name = (message as { name?: unknown } | null)?.name;
    if (name !== 'openActionInPanel') return undefined;
    if (classifySender(sender, browser.runtime.id, extensionOrigin) !== 'content-script') return undefined;
    openPanelNow(sender.tab!.id!);
    return undefined;
  });
}

function opened(tabId: number): Promise<boolean> {
  try {
    return openSidePanel(tabId).then(
      () => true,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}
