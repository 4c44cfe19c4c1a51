import { defineFeature } from '@/utils/background/feature';
import { PAGES_ONLY } from '@/utils/background/handler';
import { asObject, asTabId } from '@/utils/background/validate';
import { asWholePage } from './page-access';
import { askPageAction } from './ask-page-action';
import { inspectPage } from './inspect-page';
import { openSummaryFor, SUMMARIZE_COMMAND, SUMMARIZE_MENU_ITEM } from './open-summary';
import { summarizeAction } from './summarize-action';

/** Summaries of the page and follow-up questions about it: the popup's view, the menu, Alt+Shift+S. */
export const summaryFeature = defineFeature({
  name: 'summary',
  handlers: {
    inspectPage: {
      allowedFrom: PAGES_ONLY,
      parse: (data) => {
        const value = asObject(data);
        return { tabId: asTabId(value.tabId), wholePage: asWholePage(value.wholePage) };
      },
      handle: async ({ tabId, wholePage }, { settings, locale }) => inspectPage(tabId, settings, locale, wholePage),
    },
  },
  actions: { summarize: summarizeAction, askPage: askPageAction },
  menus: [SUMMARIZE_MENU_ITEM],
  commands: { [SUMMARIZE_COMMAND]: openSummaryFor },
});
