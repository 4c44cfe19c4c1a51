import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPageTranslation } from './install';

/**
 * Whole-page translation, loaded into a tab only when the user asks (the popup, the context menu,
 * the shortcut) or on a site they always translate. Runs in the extension's isolated world.
 */
export default defineUnlistedScript(() => {
  installPageTranslation();
});
