import { formatNumber } from '@/utils/locale-format';
import { browser } from 'wxt/browser';
import { AppError } from '@/utils/errors';
import { resolveLocale, t, type Locale } from '@/utils/i18n';
import { PAGE_BRIDGE_KEY, type PageBridge } from '@/utils/pagetranslate/page/bridge';
import { PAGE_MESSAGES, type PageCommand, type PageStatus, type PageTranslateConfig } from '@/utils/pagetranslate/types';
import type { Settings } from '@/utils/settings';

/** The page-translation script (entrypoints/page-translate), loaded into a tab on first use. */
export const PAGE_SCRIPT = '/page-translate.js';

type Scripting = Pick<typeof browser.scripting, 'executeScript'>;

/**
 * Loads of the script under way, by tab: a command that arrives meanwhile (the popup's first status
 * read, then a quick click on Translate page) waits for that load instead of starting a second one.
 */
const loading = new Map<number, Promise<unknown>>();

async function loadScript(tabId: number, scripting: Scripting): Promise<void> {
  let load = loading.get(tabId);
  if (!load) {
    load = scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [PAGE_SCRIPT], injectImmediately: true });
    loading.set(tabId, load);
    void load.catch(() => {}).finally(() => loading.delete(tabId));
  }
  await load;
}

/** Pure: what the page script needs from the settings. The target is chosen in the page, by its language. */
export function pageConfig(settings: Settings, locale: Locale): PageTranslateConfig {
  return {
    target: '',
    translateInto: settings.translateInto,
    secondLanguage: settings.secondLanguage,
    maxTokens: settings.pageTranslateCap,
    mainContentOnly: settings.pageTranslateMainOnly,
    uiLanguage: locale,
    capMessage: t('pageTranslateCap', { tokens: formatNumber(settings.pageTranslateCap, locale) }, locale),
    messages: Object.fromEntries(PAGE_MESSAGES.map((key) => [key, t(key, undefined, locale)])),
  };
}

/**
 * Gives a tab's top frame a command (start, a mode, stop, status), loading the script first when
 * it is not there yet. "status" on a tab without the script loads it too: the popup's estimate
 * reads the page, which only happens once the user opened the popup on it.
 */
export async function commandPage(
  tabId: number,
  command: PageCommand,
  settings: Settings,
  { load = true, scripting = browser.scripting }: { load?: boolean; scripting?: Scripting } = {},
): Promise<PageStatus> {
  const config = pageConfig(settings, resolveLocale(settings.uiLanguage));
  const target = { tabId, frameIds: [0] };
  const call = async () => {
    const [result] = await scripting.executeScript({
      target,
      // Not held until the page's images and other loads finish: the user asked now (content
      // the page adds later is picked up by the page script's watch).
      injectImmediately: true,
      args: [PAGE_BRIDGE_KEY, command, config],
      func: (key: string, name: PageCommand, options: PageTranslateConfig) => {
        const bridge = (globalThis as unknown as Record<string, PageBridge | undefined>)[key];
        return bridge ? bridge.command(name, options) : null;
      },
    });
    return result?.result as PageStatus | null | undefined;
  };
  try {
    await loading.get(tabId)?.catch(() => {});
    const status = await call();
    if (status) return status;
    if (command === 'stop' || !load) return { active: false, mode: 'original', translated: 0, pending: 0, tokens: 0 };
    await loadScript(tabId, scripting);
    const loaded = await call();
    if (!loaded) throw new Error('the page script did not start');
    return loaded;
  } catch (error) {
    throw error instanceof AppError ? error : new AppError('page_unreadable', { detail: String(error), cause: error });
  }
}
