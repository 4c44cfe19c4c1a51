import { browser, type Browser } from 'wxt/browser';
import { actionOnDemand } from '@/utils/background/action';
import { afterStart, defineFeature, type MenuItem } from '@/utils/background/feature';
import { done, PAGES_ONLY } from '@/utils/background/handler';
import { asObject, asOptionalString, asString, asTabId, noPayload, refuse } from '@/utils/background/validate';
import { openSidePanel } from '@/utils/ask/open-panel';
import { getSettings, watchSettings, type Settings } from '@/utils/settings';
import { forgetTabStyle, showCitation } from './citation';

// The question's retrieval, its answer and the stored conversations load on first use.
const store = () => import('./store');

/** Keyboard shortcut name (wxt.config.ts `commands`). */
export const SIDE_PANEL_COMMAND = 'open-side-panel';

function openFor(tab: Browser.tabs.Tab | undefined): Promise<void> | undefined {
  if (tab?.id === undefined || tab.id < 0) return undefined;
  return openSidePanel(tab.id, tab.windowId);
}

/** Context menu: "Ask about this page" opens the side panel bound to the tab. */
const ASK_MENU_ITEM: MenuItem = {
  id: 'glance-ask-page',
  title: 'menuAskPage',
  contexts: ['page', 'selection'] as unknown as MenuItem['contexts'],
  onClick: (_info, tab) => openFor(tab),
};

/** The toolbar icon opens the side panel instead of the popup when the user chose that (Chrome). */
async function applyToolbarChoice(settings: Pick<Settings, 'sidePanelOnToolbar'>): Promise<void> {
  if (import.meta.env.FIREFOX || !browser.sidePanel?.setPanelBehavior) return;
  await browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: settings.sidePanelOnToolbar });
  await browser.action.setPopup({ popup: settings.sidePanelOnToolbar ? '' : 'popup.html' });
}

const asUrl = (value: unknown) => {
  const url = asString(value, 'url', 8192);
  return /^(https?|file):/i.test(url) ? url : refuse('url is not a page address');
};

/** The side panel: questions about the page with citations that point into it. */
export const askFeature = defineFeature({
  name: 'ask',
  handlers: {
    askPlan: {
      allowedFrom: PAGES_ONLY,
      parse: (data) => {
        const value = asObject(data);
        const selection = asOptionalString(value.selection, 'selection', 50_000);
        return {
          tabId: asTabId(value.tabId),
          question: asString(value.question, 'question', 20_000),
          ...(selection ? { selection } : {}),
        };
      },
      handle: async ({ tabId, question, selection }, { settings }) => {
        const [{ prepareAsk }, { readBlocks }] = await Promise.all([import('./plan'), import('./page-blocks')]);
        return (await prepareAsk(await readBlocks(tabId), question, settings, selection)).view;
      },
    },
    askGetConversation: {
      allowedFrom: PAGES_ONLY,
      parse: (data) => ({ url: asUrl(asObject(data).url) }),
      handle: async ({ url }) => (await store()).getConversation(url),
    },
    askClearConversation: {
      allowedFrom: PAGES_ONLY,
      parse: (data) => ({ url: asUrl(asObject(data).url) }),
      handle: async ({ url }) => done((await store()).startNewChat(url)),
    },
    askExport: {
      allowedFrom: PAGES_ONLY,
      parse: noPayload,
      handle: async () => (await store()).listConversations(),
    },
    askShowCitation: {
      allowedFrom: PAGES_ONLY,
      parse: (data) => {
        const value = asObject(data);
        const nth = value.nth;
        if (typeof nth !== 'number' || !Number.isInteger(nth) || nth < 0) refuse('nth is not a count');
        const before = asOptionalString(value.before, 'before', 1000);
        return { tabId: asTabId(value.tabId), text: asString(value.text, 'text', 200_000), nth, ...(before ? { before } : {}) };
      },
      handle: ({ tabId, text, nth, before }) => showCitation(tabId, text, nth, before),
    },
  },
  actions: {
    askPageCited: actionOnDemand(
      { keepOnDisconnect: true, allowedFrom: PAGES_ONLY },
      async () => (await import('./ask-action')).askPageCitedAction,
    ),
  },
  menus: [ASK_MENU_ITEM],
  commands: { [SIDE_PANEL_COMMAND]: (tab) => void openFor(tab)?.catch(() => {}) },
  start() {
    browser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.status === 'loading') forgetTabStyle(tabId);
    });
    browser.tabs.onRemoved.addListener((tabId) => forgetTabStyle(tabId));
    afterStart(() =>
      getSettings()
        .then(applyToolbarChoice)
        .catch(() => {}),
    );
    watchSettings((settings) => void applyToolbarChoice(settings).catch(() => {}));
  },
});
