import type { Browser } from 'wxt/browser';
import { defineFeature } from '@/utils/background/feature';
import { PAGES_ONLY } from '@/utils/background/handler';
import { asObject, asOneOf, asTabId } from '@/utils/background/validate';
import { PAGE_COMMANDS } from '@/utils/pagetranslate/types';
import { getSettings } from '@/utils/settings';
import { commandPage } from './launcher';
import { translatePageAction } from './page-action';

async function startOn(tab: Browser.tabs.Tab | undefined): Promise<void> {
  if (tab?.id === undefined) return;
  await commandPage(tab.id, 'start', await getSettings()).catch((error) => console.warn('cannot translate this page', error));
}

/**
 * Whole-page bilingual translation: the popup's buttons (through `pageTranslate`), the context
 * menu and the shortcut load the page script into the tab; it sends batches back as
 * `translatePage` actions.
 */
export const pageTranslateFeature = defineFeature({
  name: 'pageTranslate',
  handlers: {
    pageTranslate: {
      allowedFrom: PAGES_ONLY,
      parse: (data) => {
        const value = asObject(data);
        return { tabId: asTabId(value.tabId), command: asOneOf(value.command, PAGE_COMMANDS, 'command') };
      },
      handle: ({ tabId, command }, { settings }) => commandPage(tabId, command, settings),
    },
  },
  actions: { translatePage: translatePageAction },
  menus: [{ id: 'translate-page', title: 'menuTranslatePage', contexts: ['page'], onClick: (_info, tab) => startOn(tab) }],
  commands: { 'translate-page': startOn },
});
