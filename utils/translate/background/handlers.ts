import { browser } from 'wxt/browser';
import { AppError } from '@/utils/errors';
import { PAGES_ONLY, type HandlerMap } from '@/utils/background/handler';
import { showCardInFrame } from './card-launcher';
import { asObject, asTabId, noPayload, refuse } from '@/utils/background/validate';
import { readSelection } from './read-selection';

/** The settings tab Glance opened last (lost with the worker: then found by its URL). */
let settingsTabId: number | undefined;
/** The opening under way: every ask while it runs gets that same tab. */
let opening: Promise<void> | undefined;

/**
 * Shows the settings page at `section`: focuses the settings tab if one is open, else opens one.
 * A page can ask as often as it likes (through the card): at most one new tab comes of it.
 */
async function showSettings(section: string | undefined): Promise<void> {
  const page = browser.runtime.getURL('/options.html');
  const url = `${page}${section ? `#${section}` : ''}`;
  const known = settingsTabId === undefined ? undefined : await browser.tabs.get(settingsTabId).catch(() => undefined);
  const tab = known ?? (await browser.tabs.query({ url: `${page}*` }).catch(() => []))[0];
  if (tab?.id === undefined) {
    settingsTabId = (await browser.tabs.create({ url })).id;
    return;
  }
  settingsTabId = tab.id;
  await browser.tabs.update(tab.id, { active: true, url });
  if (tab.windowId !== undefined) await browser.windows?.update(tab.windowId, { focused: true }).catch(() => {});
}

/**
 * The selection button's and the translation card's one-shot messages. They come from content
 * scripts, whose pages cannot be trusted: the settings they read are nothing secret, nothing is
 * taken from a payload but a fixed choice, and the card is only ever loaded into the very frame
 * that asked.
 */
export const translateHandlers: Pick<HandlerMap, 'getPageSettings' | 'showTranslateCard' | 'openSettings' | 'readSelection'> = {
  getPageSettings: {
    allowedFrom: ['extension-page', 'content-script'],
    parse: noPayload,
    // Nothing about money: what a content script holds, a page that reached it could read.
    handle: async (_request, { settings }) => ({
      uiLanguage: settings.uiLanguage,
      targetLanguage: settings.targetLanguage,
      secondLanguage: settings.secondLanguage,
      translateButton: settings.translateButton,
      translateOffSites: settings.translateOffSites,
      translateInto: settings.translateInto,
      translateMaxChars: settings.translateMaxChars,
    }),
  },
  showTranslateCard: {
    allowedFrom: ['content-script'],
    parse: noPayload,
    handle: async (_request, { tab }) => {
      if (!tab) throw new AppError('refused', { detail: 'no tab' });
      await showCardInFrame(tab.id, tab.frameId).catch((error) => {
        throw new AppError('page_unreadable', { detail: String(error), cause: error });
      });
      return null;
    },
  },
  openSettings: {
    allowedFrom: ['content-script', 'extension-page'],
    parse: (data) => {
      const section = asObject(data).section;
      if (section !== undefined && section !== 'translate' && section !== 'usage') refuse('unknown section');
      return { section };
    },
    handle: async ({ section }) => {
      opening ??= showSettings(section).finally(() => {
        opening = undefined;
      });
      await opening;
      return null;
    },
  },
  readSelection: {
    // Page text goes to whoever asks: Glance's own pages only, never a content script.
    allowedFrom: PAGES_ONLY,
    parse: (data) => ({ tabId: asTabId(asObject(data).tabId) }),
    handle: ({ tabId }) => readSelection(tabId),
  },
};
