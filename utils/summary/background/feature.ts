import { actionOnDemand } from '@/utils/background/action';
import { defineFeature } from '@/utils/background/feature';
import { PAGES_ONLY } from '@/utils/background/handler';
import { asObject, asTabId } from '@/utils/background/validate';
import { asWholePage } from './page-access';
import { openSummaryFor, SUMMARIZE_COMMAND, SUMMARIZE_MENU_ITEM } from './open-summary';

const KEPT_FOR_PAGES = { keepOnDisconnect: true, allowedFrom: PAGES_ONLY } as const;

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
      handle: async ({ tabId, wholePage }, { settings, locale }) =>
        (await import('./inspect-page')).inspectPage(tabId, settings, locale, wholePage),
    },
  },
  // The summarizer and its estimate load on first use.
  actions: {
    summarize: actionOnDemand(KEPT_FOR_PAGES, async () => (await import('./summarize-action')).summarizeAction),
    askPage: actionOnDemand(KEPT_FOR_PAGES, async () => (await import('./ask-page-action')).askPageAction),
  },
  menus: [SUMMARIZE_MENU_ITEM],
  commands: { [SUMMARIZE_COMMAND]: openSummaryFor },
});
