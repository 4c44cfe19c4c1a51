import { browser } from 'wxt/browser';
import { originPattern } from './endpoint';

/**
 * Asks the browser for access to an endpoint's host. Must be called straight from a click
 * handler, before any other await: browsers only show the prompt during a user gesture.
 * Resolves true at once, without a prompt, when access is already granted. Firefox refuses
 * any request outside a user gesture, even for a host granted in the manifest: then whether
 * access is already there decides.
 */
export async function requestHostAccess(origin: string): Promise<boolean> {
  const origins = [originPattern(origin)];
  try {
    return await browser.permissions.request({ origins });
  } catch {
    return browser.permissions.contains({ origins }).catch(() => false);
  }
}
