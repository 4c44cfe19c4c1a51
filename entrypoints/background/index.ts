import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { onCommand } from './commands';
import { applyDevPreset } from './dev-preset';
import { dispatch, isEnvelope, type DispatchDeps } from './dispatch';
import { actions, handlers, startFeatures } from './features';
import { JobManager } from './jobs';
import { applyRetention } from '@/utils/llm/background/ledger';
import { createMenus, onMenuClick } from './menus';
import { classifySender } from '@/utils/background/sender';
import { resolveLocale } from '@/utils/i18n';
import { STREAM_PORT } from '@/utils/protocol';
import { onInstalledSetup } from '@/utils/setup/background/feature';
import { getSettings, restrictStorageToTrustedContexts, watchSettings, type Settings } from '@/utils/settings';
import { liveSettings } from './live-settings';

/** Wires listeners only; the work lives in the features (entrypoints/background/features.ts). */
export default defineBackground(() => {
  void restrictStorageToTrustedContexts();

  const extensionId = browser.runtime.id;
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const localeOf = (settings: Settings) => resolveLocale(settings.uiLanguage);
  const settings = liveSettings();
  const deps: DispatchDeps = { handlers, extensionId, extensionOrigin, getSettings: settings, localeOf };
  const jobs = new JobManager({ actions, getSettings: settings, localeOf });

  browser.runtime.onMessage.addListener((message, sender) => (isEnvelope(message) ? dispatch(message, sender, deps) : undefined));

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== STREAM_PORT) return;
    const kind = classifySender(port.sender, extensionId, extensionOrigin);
    if (!kind) {
      port.disconnect();
      return;
    }
    jobs.connect(port, kind);
  });

  browser.contextMenus.onClicked.addListener(onMenuClick);
  browser.commands?.onCommand.addListener(onCommand);
  const refreshMenus = async () => createMenus(localeOf(await getSettings()));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // The welcome page opens on a new install only, once a development preset's key is in place.
    void onInstalledSetup(reason, applyDevPreset());
    void refreshMenus();
    void applyRetention();
  });
  browser.runtime.onStartup.addListener(() => {
    void refreshMenus();
    void applyRetention();
  });
  // Menu titles follow the interface language.
  watchSettings(() => void refreshMenus());

  startFeatures();
});
