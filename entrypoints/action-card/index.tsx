import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installActionCard } from './mount';

/**
 * The card of a selection action (explain, rewrite, the user's own prompts...), loaded into a
 * frame only when an action first runs there. Its UI lives in a closed shadow root.
 */
export default defineUnlistedScript(() => {
  installActionCard();
});
