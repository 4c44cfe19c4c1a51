import { browser } from 'wxt/browser';
import { originPattern } from './endpoint';

/**
 * Asks the browser for access to an endpoint's host. Must be called straight from a click
 * handler, before any other await: browsers only show the prompt during a user gesture.
 * Resolves true at once, without a prompt, when access is already granted.
 */
export async function requestHostAccess(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}
