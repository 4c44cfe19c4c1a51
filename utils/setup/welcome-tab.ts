import { browser } from 'wxt/browser';

/** The first-run page: provider, key, Test and save, then how to use Glance. */
export const WELCOME_PAGE = '/welcome.html';

/**
 * Brings the welcome page to the front: the tab that already shows it, or a new one. Used by the
 * background on install and by "Connect your API key" in the popup, the side panel and the chat.
 */
export async function openWelcome(): Promise<void> {
  const url = browser.runtime.getURL(WELCOME_PAGE);
  const open = await findOpenTab(url);
  if (open) {
    await browser.tabs.update(open.tabId, { active: true });
    await browser.windows?.update(open.windowId, { focused: true }).catch(() => undefined);
    return;
  }
  await browser.tabs.create({ url });
}

/** The tab showing `url` (any query or hash), where the browser can tell (runtime.getContexts). */
async function findOpenTab(url: string): Promise<{ tabId: number; windowId: number } | undefined> {
  try {
    const contexts = await browser.runtime.getContexts({ contextTypes: [browser.runtime.ContextType.TAB] });
    const found = contexts.find((context) => context.documentUrl?.split(/[?#]/)[0] === url && context.tabId >= 0);
    return found ? { tabId: found.tabId, windowId: found.windowId } : undefined;
  } catch {
    // A browser without getContexts opens a new tab: a second welcome tab is harmless.
    return undefined;
  }
}
