import { browser } from 'wxt/browser';

/** Whether this page is the toolbar popup (not the same page opened in a tab). */
export function isToolbarPopup(): boolean {
  try {
    return browser.extension.getViews({ type: 'popup' }).includes(window);
  } catch {
    return false;
  }
}

/** Opens one of the extension's pages in a new tab, e.g. `popup.html?view=history`. */
export function openExtensionTab(pathAndQuery: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/${pathAndQuery}` as '/popup.html') });
}
