import { browser, type Browser } from 'wxt/browser';
import { BRIDGE_KEY } from '@/utils/translate/page/card-bridge';

/** The translation card's script (entrypoints/translate-card.tsx), loaded into a frame on first use. */
export const CARD_SCRIPT = '/translate-card.js';

type Scripting = Pick<typeof browser.scripting, 'executeScript'>;

/**
 * Opens the translation card in one frame of a tab: loads its script there the first time, and
 * reuses it after. `fallbackText` (the context menu's idea of the selection) is left for the card
 * in case it cannot read the selection itself.
 */
export async function showCardInFrame(
  tabId: number,
  frameId: number,
  fallbackText = '',
  scripting: Scripting = browser.scripting,
): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  const [probe] = await scripting.executeScript({
    target,
    args: [BRIDGE_KEY, fallbackText],
    func: (key: string, text: string) => {
      const scope = globalThis as unknown as Record<string, { open?(): void; fallbackText?: string } | undefined>;
      scope[key] ??= {};
      const bridge = scope[key];
      bridge.fallbackText = text;
      if (!bridge.open) return false;
      bridge.open();
      return true;
    },
  });
  if (probe?.result !== true) await scripting.executeScript({ target, files: [CARD_SCRIPT] });
}

/**
 * The frame of a tab where the user has a selection and focus (the keyboard shortcut does not say
 * which frame it came from). The top frame when none can be found.
 */
export async function focusedSelectionFrame(tabId: number, scripting: Scripting = browser.scripting): Promise<number> {
  try {
    const results = await scripting.executeScript({
      target: { tabId, allFrames: true },
      func: () => {
        if (!document.hasFocus()) return false;
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        if (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) {
          return active.selectionStart !== null && active.selectionStart !== active.selectionEnd;
        }
        return !!getSelection()?.toString().trim();
      },
    });
    return results.find((result) => result.result === true)?.frameId ?? 0;
  } catch {
    return 0;
  }
}

/** Context menu "Translate selection". */
export async function translateFromMenu(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<void> {
  if (tab?.id === undefined) return;
  await showCardInFrame(tab.id, info.frameId ?? 0, info.selectionText ?? '').catch((error) =>
    console.warn('cannot show the translation card here', error),
  );
}

/** Keyboard shortcut "translate-selection". */
export async function translateFromShortcut(tab: Browser.tabs.Tab | undefined): Promise<void> {
  if (tab?.id === undefined) return;
  const frameId = await focusedSelectionFrame(tab.id);
  await showCardInFrame(tab.id, frameId).catch((error) => console.warn('cannot show the translation card here', error));
}
