import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PROTOCOL_TAG } from '@/utils/protocol';

type Runtime = { sendMessage(message: unknown): Promise<unknown> };

/**
 * Registered only for the sites the user always translates (see
 * utils/pagetranslate/background/always-script.ts): asks the background to start translating this
 * page, which it does after checking the tab's address against the rule. No polyfill: one call.
 */
export default defineUnlistedScript(() => {
  if (window !== window.top) return;
  const scope = globalThis as unknown as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  const runtime = (scope.browser ?? scope.chrome)?.runtime;
  void runtime?.sendMessage({ protocol: PROTOCOL_TAG, name: 'pageTranslateAuto', data: null })?.catch(() => {});
});
