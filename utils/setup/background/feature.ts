import { afterStart, defineFeature } from '@/utils/background/feature';
import { openWelcome } from '@/utils/setup/welcome-tab';
import { getSettings, watchSettings } from '@/utils/settings';
import { noteConnection, refreshConnectionState } from './state';

/**
 * First run: the welcome page opens when Glance is installed (not on updates) and no key is there
 * yet; the toolbar badge and the popup's "Connect your API key" card follow whether the current
 * provider has a key. The key's own messages refresh the state too (utils/llm/background/handlers.ts).
 */
export const setupFeature = defineFeature({
  name: 'setup',
  // No messages of its own: pages test and save through the connection's (utils/llm/background/handlers.ts).
  handlers: {},
  start() {
    afterStart(refreshConnectionState);
    // The settings change often (a draft saved, a language chosen): refresh only for the provider
    // and the interface language, the two things the state and the badge's title depend on.
    let last = '';
    // A new provider, base URL or model may fix a failed chat answer (see noteConnection).
    afterStart(() => getSettings().then((settings) => noteConnection(settings)));
    watchSettings((settings) => {
      const now = `${settings.provider}|${settings.uiLanguage}`;
      if (now !== last) void refreshConnectionState();
      last = now;
      void noteConnection(settings);
    });
  },
});

/**
 * On install, after a development build's preset key (if any) is in place: opens the welcome
 * page unless a key is already there. Updates and browser updates open nothing.
 */
export async function onInstalledSetup(reason: string, beforeCheck: Promise<unknown>): Promise<void> {
  await beforeCheck.catch(() => undefined);
  const ready = await refreshConnectionState();
  if (reason === 'install' && !ready) await openWelcome();
}
