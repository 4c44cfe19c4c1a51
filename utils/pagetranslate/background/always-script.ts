import { browser } from 'wxt/browser';
import { afterStart } from '@/utils/background/feature';
import { alwaysPatterns } from '@/utils/pagetranslate/sites';
import { getSettings, watchSettings, type Settings } from '@/utils/settings';

/** The registration that starts page translation on the sites the user always translates. */
export const ALWAYS_SCRIPT_ID = 'glance-page-translate-always';
/** A few lines (entrypoints/page-translate-auto) that ask the background to start. */
export const ALWAYS_SCRIPT_FILE = 'page-translate-auto.js';

type ScriptingApi = Pick<
  typeof browser.scripting,
  'getRegisteredContentScripts' | 'registerContentScripts' | 'unregisterContentScripts'
>;

let queue: Promise<void> = Promise.resolve();

/**
 * Registers the starter for the "Always translate" sites only, or nothing when there are none:
 * every other page gets no page-translation code until the user asks.
 */
export function syncAlwaysScript(settings: Settings, api: ScriptingApi = browser.scripting): Promise<void> {
  const matches = alwaysPatterns(settings);
  const next = queue.then(async () => {
    const existing = await api.getRegisteredContentScripts({ ids: [ALWAYS_SCRIPT_ID] });
    if (existing.length && JSON.stringify(existing[0]!.matches ?? []) === JSON.stringify(matches)) return;
    if (existing.length) await api.unregisterContentScripts({ ids: [ALWAYS_SCRIPT_ID] });
    if (!matches.length) return;
    await api.registerContentScripts([
      { id: ALWAYS_SCRIPT_ID, js: [ALWAYS_SCRIPT_FILE], matches, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  });
  queue = next.catch((error) => console.error('page translation registration failed', error));
  return next;
}

/** Keeps the registration in step with the settings from the worker's start. */
export function keepAlwaysScriptInStep(): void {
  let last = '';
  const sync = (settings: Settings) => {
    const key = JSON.stringify(settings.pageTranslateAlwaysSites);
    if (key === last) return;
    last = key;
    void syncAlwaysScript(settings);
  };
  afterStart(() => getSettings().then(sync));
  watchSettings(sync);
}
