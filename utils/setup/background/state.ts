import { browser } from 'wxt/browser';
import { resolveLocale, t, type Locale } from '@/utils/i18n';
import { keyRequired, type ProviderId } from '@/utils/llm/providers';
import { getApiKey } from '@/utils/llm/background/secret-store';
import { connectionReadyItem, connectionSavedItem, getSettings, type Settings } from '@/utils/settings';

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

/** What makes up the connection besides the key: a change to any of these is a connection saved. */
export function connectionOf(settings: Pick<Settings, 'provider' | 'baseURL' | 'model'>): string {
  return `${settings.provider}|${settings.baseURL}|${settings.model}`;
}

let saves: Promise<unknown> = Promise.resolve();

/** Runs storage changes of the saved connection one after another (a read, then a write). */
function inTurn(change: () => Promise<void>): Promise<void> {
  const next = saves.then(change);
  saves = next.catch((error: unknown) => console.error('noting the saved connection failed', error));
  return next;
}

/** Notes that the connection was just saved (a key stored), so chat answers that failed before can be resent. */
export function markConnectionSaved(settings: Settings, now = Date.now()): Promise<void> {
  return inTurn(() => connectionSavedItem.setValue({ at: now, connection: connectionOf(settings) }));
}

/**
 * Notes a change of provider, base URL or model as a connection saved; the first time (nothing
 * noted yet) only remembers the connection: an install or an update fixed nothing.
 */
export function noteConnection(settings: Settings, now = Date.now()): Promise<void> {
  return inTurn(async () => {
    const connection = connectionOf(settings);
    const noted = await connectionSavedItem.getValue();
    if (noted.connection === connection) return;
    await connectionSavedItem.setValue({ connection, at: noted.connection ? now : noted.at });
  });
}
