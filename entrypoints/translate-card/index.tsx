import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installCard } from './mount';

/**
 * The translation card, loaded into a frame only when the user first asks for a translation there
 * (by the selection button, the context menu or the shortcut). Runs in the extension's isolated
 * world; its UI lives in a closed shadow root.
 */
export default defineUnlistedScript(() => {
  installCard();
});
