import { browser, type Browser } from 'wxt/browser';
import { afterStart } from '@/utils/background/feature';
import { PROTOCOL_TAG } from '@/utils/protocol';
import { getSettings, watchSettings, type Settings } from '@/utils/settings';
import { ALL_SITES, excludePatterns, normalizeSite } from '@/utils/translate/site-list';

/** The id of the selection button's content script registration. */
export const SELECTION_SCRIPT_ID = 'glance-selection';
/** The built always-on script (entrypoints/content.ts). */
export const SELECTION_SCRIPT_FILE = 'content-scripts/content.js';
/** Every web page; the browser injects only where Glance has host access. */
export const SELECTION_MATCHES = ALL_SITES;

type Registration = Browser.scripting.RegisteredContentScript;

/** The parts of `browser.scripting` used here (tests pass their own). */
export type ScriptingApi = Pick<
  typeof browser.scripting,
  'getRegisteredContentScripts' | 'registerContentScripts' | 'updateContentScripts' | 'unregisterContentScripts'
>;

/**
 * Pure: the registration the settings call for, or null when the button is off (then nothing at
 * all runs in pages). Sites where the button is off are excluded, so they get no script either.
 * Injected at document_idle, after the page's own work, in every frame (text in iframes too,
 * about:blank and srcdoc frames through their parent's origin).
 */
export function registrationFor(settings: Pick<Settings, 'translateButton' | 'translateOffSites'>): Registration | null {
  if (!settings.translateButton) return null;
  // Only well-formed names: one bad pattern would make the browser refuse the whole registration.
  const sites = settings.translateOffSites.map(normalizeSite).filter((site): site is string => !!site);
  const excludeMatches = excludePatterns([...new Set(sites)]);
  return {
    id: SELECTION_SCRIPT_ID,
    js: [SELECTION_SCRIPT_FILE],
    matches: SELECTION_MATCHES,
    ...(excludeMatches.length ? { excludeMatches } : {}),
    allFrames: true,
    matchOriginAsFallback: true,
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
}

let queue: Promise<void> = Promise.resolve();

/**
 * Brings the registered script in line with the settings: registers, updates or unregisters it.
 * Calls are serialized (a settings change can arrive while the worker's start-up sync runs).
 */
export function syncSelectionScript(settings: Settings, api: ScriptingApi = browser.scripting): Promise<void> {
  const next = queue.then(() => applyRegistration(registrationFor(settings), api));
  queue = next.catch((error) => console.error('selection script registration failed', error));
  return next;
}

async function applyRegistration(wanted: Registration | null, api: ScriptingApi): Promise<void> {
  const existing = await api.getRegisteredContentScripts({ ids: [SELECTION_SCRIPT_ID] });
  if (!wanted) {
    if (existing.length) await api.unregisterContentScripts({ ids: [SELECTION_SCRIPT_ID] });
    return;
  }
  if (!existing.length) {
    await api.registerContentScripts([wanted]);
  } else if (JSON.stringify(normalize(existing[0]!)) !== JSON.stringify(normalize(wanted))) {
    // Updating cannot remove excludeMatches once set; registering afresh always matches the settings.
    await api.unregisterContentScripts({ ids: [SELECTION_SCRIPT_ID] });
    await api.registerContentScripts([wanted]);
  }
}

function normalize(registration: Registration) {
  return {
    js: registration.js ?? [],
    matches: registration.matches ?? [],
    excludeMatches: registration.excludeMatches ?? [],
    allFrames: !!registration.allFrames,
    runAt: registration.runAt ?? 'document_idle',
  };
}

/**
 * Tells the selection scripts already running in open tabs that their settings changed (a newly
 * registered or removed script only affects pages loaded later). Each asks for its settings again
 * and removes its button if it is now off.
 */
export async function notifyOpenPages(tabs: Pick<typeof browser.tabs, 'query' | 'sendMessage'> = browser.tabs): Promise<void> {
  const open = await tabs.query({});
  await Promise.all(
    open.map((tab) =>
      tab.id === undefined
        ? undefined
        : tabs.sendMessage(tab.id, { protocol: PROTOCOL_TAG, event: 'pageSettingsChanged' }).catch(() => {
            // No selection script in that tab (not a web page, or no access): nothing to tell.
          }),
    ),
  );
}

/** Whether a settings change concerns the selection script. */
export function selectionSettingsChanged(before: Settings | undefined, after: Settings): boolean {
  return (
    !before ||
    before.translateButton !== after.translateButton ||
    before.uiLanguage !== after.uiLanguage ||
    JSON.stringify(before.translateOffSites) !== JSON.stringify(after.translateOffSites)
  );
}

/**
 * Keeps the selection script's registration in step with the settings from the worker's start:
 * registered only while the button is on, and open pages told when it changes after that.
 */
export function keepSelectionScriptInStep(): void {
  let current: Settings | undefined;
  const sync = async (settings: Settings) => {
    const changed = selectionSettingsChanged(current, settings);
    const first = !current;
    current = settings;
    if (!changed) return;
    await syncSelectionScript(settings);
    if (!first) await notifyOpenPages();
  };
  afterStart(() => getSettings().then(sync));
  watchSettings((settings) => void sync(settings));
}
