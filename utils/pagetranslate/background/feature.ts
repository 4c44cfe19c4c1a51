import { browser, type Browser } from 'wxt/browser';
import { actionOnDemand } from '@/utils/background/action';
import { defineFeature } from '@/utils/background/feature';
import { PAGES_ONLY } from '@/utils/background/handler';
import { asObject, asOneOf, asTabId, noPayload } from '@/utils/background/validate';
import { PAGE_COMMANDS } from '@/utils/pagetranslate/types';
import { AppError } from '@/utils/errors';
import { siteRule } from '@/utils/pagetranslate/sites';
import type { PageCommand, PageStatus } from '@/utils/pagetranslate/types';
import { getSettings, type Settings } from '@/utils/settings';
import { normalizeSite } from '@/utils/translate/site-list';
import { keepAlwaysScriptInStep } from './always-script';
import { openCache } from './cache';
import { commandPage } from './launcher';

/** The batches' translation, loaded on first use (or ahead, when the popup asks the page's status). */
const pageAction = async () => (await import('./page-action')).translatePageAction;

async function startOn(tab: Browser.tabs.Tab | undefined): Promise<void> {
  if (tab?.id === undefined) return;
  await commandPage(tab.id, 'start', await getSettings()).catch((error) => console.warn('cannot translate this page', error));
}

/** The site of a tab's page (null for pages that are not on the web). */
async function siteOf(tabId: number): Promise<string | null> {
  const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  if (!url || !/^https?:/.test(url)) return null;
  return normalizeSite(new URL(url).hostname);
}

/**
 * A command from Glance's pages, answered with the site's rule. On a "Never" site, opening the
 * popup does not load anything into the page (no estimate); the user's own click still works.
 */
async function fromPopup(tabId: number, command: PageCommand, settings: Settings): Promise<PageStatus> {
  if (command === 'status') {
    openCache();
    void pageAction();
  }
  // A click does not wait for the tab's address: only the status read needs the rule first.
  const siting = siteOf(tabId);
  const ruleOf = (site: string | null) => (site ? siteRule(site, settings) : 'none');
  const load = command !== 'status' || ruleOf(await siting) !== 'never';
  const [status, site] = await Promise.all([commandPage(tabId, command, settings, { load }), siting]);
  return { ...status, ...(site ? { site, rule: ruleOf(site) } : {}) };
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
      handle: ({ tabId, command }, { settings }) => fromPopup(tabId, command, settings),
    },
    pageTranslateAuto: {
      allowedFrom: ['content-script'],
      parse: noPayload,
      // Only where the rule says so, whatever asked: the tab's own address decides.
      handle: async (_request, { tab, settings }) => {
        if (tab?.frameId !== 0) throw new AppError('refused', { detail: 'top frames only' });
        const site = await siteOf(tab.id);
        if (site && siteRule(site, settings) === 'always') await commandPage(tab.id, 'start', settings);
        return null;
      },
    },
  },
  actions: {
    translatePage: actionOnDemand({ keepOnDisconnect: false, allowedFrom: ['content-script', 'extension-page'] }, pageAction),
  },
  menus: [{ id: 'translate-page', title: 'menuTranslatePage', contexts: ['page'], onClick: (_info, tab) => startOn(tab) }],
  commands: { 'translate-page': startOn },
  start: keepAlwaysScriptInStep,
});
