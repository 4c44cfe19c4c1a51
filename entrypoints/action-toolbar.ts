import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installToolbar } from '@/utils/actions/page/toolbar';

/**
 * The selection toolbar's actions after Translate, loaded into a frame at its first selection
 * (never at page load: the always-on script stays as small and as idle as before).
 */
export default defineUnlistedScript(() => {
  installToolbar();
});
