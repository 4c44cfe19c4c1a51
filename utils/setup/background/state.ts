import { browser } from 'wxt/browser';
import { resolveLocale, t, type Locale } from '@/utils/i18n';
import { keyRequired, type ProviderId } from '@/utils/llm/providers';
import { getApiKey } from '@/utils/llm/background/secret-store';
import { connectionReadyItem, getSettings } from '@/utils/settings';

/** The badge the toolbar icon carries while no key is connected. */
export const SETUP_BADGE = '!';

/** Pure: a connection is ready when its provider has a key saved, or needs none (Ollama). */
export function isConnectionReady(provider: ProviderId, hasKey: boolean): boolean {
  return hasKey || !keyRequired(provider);
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Works out whether the current provider has a key, stores the answer for the pages
 * (`connectionReadyItem`) and shows it on the toolbar icon: a "!" badge titled "Connect your API
 * key" until a key is there, nothing after. Calls run one after another, so the last change wins.
 */
export function refreshConnectionState(): Promise<boolean> {
  const next = queue.then(async () => {
    const settings = await getSettings();
    const ready = isConnectionReady(settings.provider, (await getApiKey(settings.provider)).length > 0);
    await connectionReadyItem.setValue(ready);
    await showOnIcon(ready, resolveLocale(settings.uiLanguage));
    return ready;
  });
  queue = next.catch((error: unknown) => console.error('refreshing the connection state failed', error));
  return next;
}

async function showOnIcon(ready: boolean, locale: Locale): Promise<void> {
  // Manifest V3 has `action`; Firefox's Manifest V2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;
  if (!action) return;
  await action.setBadgeText({ text: ready ? '' : SETUP_BADGE });
  if (!ready) await action.setBadgeBackgroundColor({ color: '#d93025' });
  await action.setTitle({ title: ready ? 'Glance' : t('badgeTitle', undefined, locale) });
}
