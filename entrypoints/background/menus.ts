import { browser, type Browser } from 'wxt/browser';
import { t, type Locale } from '@/utils/i18n';
import { MENU_ITEMS } from './features';

/** (Re)creates the context menu in the given language. */
export async function createMenus(locale: Locale): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const item of MENU_ITEMS) {
    browser.contextMenus.create({ id: item.id, title: t(item.title, {}, locale), contexts: item.contexts });
  }
}

/** Runs the item that was clicked. */
export function onMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  const item = MENU_ITEMS.find((candidate) => candidate.id === info.menuItemId);
  void item?.onClick(info, tab);
}
