import { browser, type Browser } from 'wxt/browser';
import { resolveLocale, type Locale } from '@/utils/i18n';
import { getSettings, watchSettings } from '@/utils/settings';
import { resolveAction } from '@/utils/actions/builtins';
import { getActions, watchActions } from '@/utils/actions/store';
import type { ToolbarAction } from '@/utils/actions/types';
import type { CommandHandler } from '@/utils/background/feature';
import { focusedSelectionFrame } from '@/utils/translate/background/card-launcher';
import { showActionInFrame } from './launcher';
import { openPanelNow } from './panel-opening';

/** Context-menu ids of actions: this prefix and the action's id. */
export const MENU_PREFIX = 'glance-action:';

/**
 * The actions as last read: a menu item or a shortcut must open the side panel before anything is
 * awaited, so whether its action answers there is known without reading storage.
 */
let known: ToolbarAction[] = [];

/** Opens the tab's side panel at once if the action answers there (by what is known now). */
function openPanelFor(actionId: string | undefined, tabId: number): void {
  if (known.find((action) => action.id === actionId)?.panel) openPanelNow(tabId);
}

/** The toolbar's view of the enabled actions, in the interface language. */
export async function toolbarActions(locale?: Locale): Promise<ToolbarAction[]> {
  locale ??= resolveLocale((await getSettings()).uiLanguage);
  known = await listFor(locale);
  return known;
}

async function listFor(locale: Locale): Promise<ToolbarAction[]> {
  return (await getActions())
    .filter((action) => action.enabled)
    .map((stored) => {
      const action = resolveAction(stored, locale);
      return {
        id: action.id,
        name: action.name,
        icon: action.icon,
        replace: action.replace,
        ask: action.builtin === 'ask',
        // Ask's question box is on the page: it always answers in its card.
        panel: action.answerIn === 'panel' && action.builtin !== 'ask',
      };
    });
}

let created: string[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

function quietly(): void {
  // Reading lastError marks it as handled (an id already gone, a menu already there).
  void browser.runtime.lastError;
}

/** Puts one menu item per enabled action under Glance's menu for selected text. */
async function syncMenus(): Promise<void> {
  const actions = await toolbarActions();
  for (const id of created) await browser.contextMenus.remove(id).catch(() => {});
  created = [];
  for (const action of actions) {
    const id = `${MENU_PREFIX}${action.id}`;
    browser.contextMenus.create({ id, title: action.name, contexts: ['selection'] }, quietly);
    created.push(id);
  }
}

/**
 * Re-creates the actions' menu items shortly after anything that may have changed or cleared
 * them: the worker's start, an edit of the actions, a settings change (the background rebuilds
 * its menu then, removing all items first, and the names follow the interface language).
 */
function scheduleSync(delayMs = 400): void {
  clearTimeout(timer);
  timer = setTimeout(() => void syncMenus().catch((error) => console.warn('action menus', error)), delayMs);
}

/** Runs the action a menu item stands for, on the selection of the frame it was chosen in. */
export async function onActionMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<void> {
  const id = String(info.menuItemId);
  if (!id.startsWith(MENU_PREFIX) || tab?.id === undefined) return;
  openPanelFor(id.slice(MENU_PREFIX.length), tab.id);
  const action = (await toolbarActions()).find((candidate) => candidate.id === id.slice(MENU_PREFIX.length));
  if (!action) return;
  await showActionInFrame(tab.id, info.frameId ?? 0, action, info.selectionText ?? '').catch((error) =>
    console.warn('cannot show the action card here', error),
  );
}

/** Keyboard shortcuts "run-action-N": the Nth enabled action, on the selection of the focused frame. */
export const ACTION_COMMANDS: Record<string, CommandHandler> = Object.fromEntries(
  [1, 2, 3].map((n) => [
    `run-action-${n}`,
    async (tab: Browser.tabs.Tab | undefined) => {
      if (tab?.id !== undefined) openPanelFor(known[n - 1]?.id, tab.id);
      const action = (await toolbarActions())[n - 1];
      if (tab?.id === undefined || !action) return;
      const frameId = await focusedSelectionFrame(tab.id);
      await showActionInFrame(tab.id, frameId, action, '').catch((error) =>
        console.warn('cannot show the action card here', error),
      );
    },
  ]),
);

/** Keeps the actions' menu items in step with the stored actions and the interface language. */
export function keepActionMenusInStep(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => void onActionMenuClick(info, tab));
  browser.runtime.onInstalled.addListener(() => scheduleSync(800));
  browser.runtime.onStartup.addListener(() => scheduleSync(800));
  watchActions(() => scheduleSync(0));
  watchSettings(() => scheduleSync());
  scheduleSync(800);
}
