import { browser, type Browser } from 'wxt/browser';
import { t, type Locale, type MessageKey } from '@/utils/i18n';
import { SUMMARIZE_MENU_ITEM } from '@/utils/summary/background/open-summary';
import { translateFromMenu } from '@/utils/translate/background/card-launcher';

/** One context-menu item: its title comes from the locale files and follows the UI language. */
export interface MenuItem {
  id: string;
  title: MessageKey;
  contexts: [`${Browser.contextMenus.ContextType}`, ...`${Browser.contextMenus.ContextType}`[]];
  onClick(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): void | Promise<void>;
}

/** Every context-menu item Glance adds. Features append theirs. */
export const MENU_ITEMS: MenuItem[] = [
  SUMMARIZE_MENU_ITEM,
  { id: 'translate-selection', title: 'menuTranslateSelection', contexts: ['selection'], onClick: translateFromMenu },
];

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
