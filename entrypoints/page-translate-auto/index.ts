import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PROTOCOL_TAG } from '@/utils/protocol';

/**
 * Registered only for the sites the user always translates (see
 * utils/pagetranslate/background/always-script.ts): asks the background to start translating this
 * page, which it does after checking the tab's address against the rule.
 */
export default defineUnlistedScript(() => {
  if (window !== window.top) return;
  void browser.runtime.sendMessage({ protocol: PROTOCOL_TAG, name: 'pageTranslateAuto', data: null }).catch(() => {});
});
