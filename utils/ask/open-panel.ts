import { browser } from 'wxt/browser';

/** The side panel's page bound to a tab. */
export function sidePanelPath(tabId: number): `/sidepanel.html?tabId=${number}` {
  return `/sidepanel.html?tabId=${tabId}`;
}

interface FirefoxSidebar {
  open(): Promise<void>;
  setPanel(details: { tabId?: number; panel: string }): Promise<void>;
}

/**
 * Opens the side panel bound to a tab. Must run first thing in a user gesture's handler (a click,
 * a menu item, a shortcut): the browser refuses `sidePanel.open()` / `sidebarAction.open()` once
 * anything has been awaited. Chrome opens the tab's own panel; Firefox has one sidebar per window,
 * pointed at the tab's page.
 */
export function openSidePanel(tabId: number, windowId?: number): Promise<void> {
  const firefox = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
  if (import.meta.env.FIREFOX || (!browser.sidePanel && firefox)) {
    // open() first, while the gesture lasts; which page it shows is set right after.
    const opened = firefox!.open();
    void firefox!.setPanel({ tabId, panel: browser.runtime.getURL(sidePanelPath(tabId)) }).catch(() => {});
    return opened;
  }
  const opened = browser.sidePanel.open(windowId === undefined ? { tabId } : { tabId, windowId });
  void browser.sidePanel.setOptions({ tabId, path: sidePanelPath(tabId), enabled: true }).catch(() => {});
  return opened;
}
