import { defineContentScript } from 'wxt/utils/define-content-script';
import { startSelectionButton } from '@/utils/translate/page/selection-button';

/**
 * The always-on script: the selection button, nothing else (budget: 4 KB gzip). Registered at run
 * time by the background while the button is on (utils/translate/background/selection-script.ts), so it has
 * no `matches` here and adds no host permission to the manifest.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    startSelectionButton();
  },
});
