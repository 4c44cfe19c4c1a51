import { browser } from 'wxt/browser';
import type { ToolbarAction } from '@/utils/actions/types';
import { BRIDGE_KEY } from '@/utils/translate/page/card-bridge';

/** The toolbar's actions (entrypoints/action-toolbar.ts), loaded into a frame at its first selection. */
export const TOOLBAR_SCRIPT = '/action-toolbar.js' as const;
/** The action card (entrypoints/action-card/), loaded into a frame when an action first runs there. */
export const ACTION_CARD_SCRIPT = '/action-card.js' as const;

type Scripting = Pick<typeof browser.scripting, 'executeScript'>;

/**
 * Loads one of the actions' scripts into one frame of a tab, unless it is there already (the
 * bridge field it sets once loaded says so). Only ever the frame that asked.
 */
export async function loadIntoFrame(
  tabId: number,
  frameId: number,
  file: typeof TOOLBAR_SCRIPT | typeof ACTION_CARD_SCRIPT,
  loadedField: 'drawn' | 'runAction',
  scripting: Scripting = browser.scripting,
): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  const [probe] = await scripting.executeScript({
    target,
    args: [BRIDGE_KEY, loadedField],
    func: (key: string, field: string) => {
      const bridge = (globalThis as unknown as Record<string, Record<string, unknown> | undefined>)[key];
      return typeof bridge?.[field] === 'function';
    },
  });
  if (probe?.result !== true) await scripting.executeScript({ target, files: [file] });
}

/**
 * Opens an action's card in one frame for its current selection (the context menu's way in):
 * leaves the action on the frame's bridge, then has the loaded card run it, loading the card
 * first if needed. `fallbackText` is the menu's idea of the selection, for when the card cannot
 * read one itself.
 */
export async function showActionInFrame(
  tabId: number,
  frameId: number,
  action: ToolbarAction,
  fallbackText: string,
  scripting: Scripting = browser.scripting,
): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  const [probe] = await scripting.executeScript({
    target,
    args: [BRIDGE_KEY, action, fallbackText],
    func: (key: string, chosen: ToolbarAction, text: string) => {
      const scope = globalThis as unknown as Record<string, Record<string, unknown> | undefined>;
      scope[key] ??= {};
      const bridge = scope[key] as { menuAction?: unknown; openMenuAction?(): void };
      bridge.menuAction = { action: chosen, fallbackText: text };
      if (!bridge.openMenuAction) return false;
      bridge.openMenuAction();
      return true;
    },
  });
  if (probe?.result !== true) await scripting.executeScript({ target, files: [ACTION_CARD_SCRIPT] });
}
