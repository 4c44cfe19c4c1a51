import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ALL_SITES } from '@/utils/translate/site-list';

/** Whether Glance may read every site (what the selection button needs to show everywhere). */
export async function hasAllSitesAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: ALL_SITES });
  } catch {
    return false;
  }
}

/**
 * Asks for access to every site. Call it first thing in a click handler: browsers show the prompt
 * only during the click itself. Resolves at once when access is already there.
 */
export async function requestAllSitesAccess(): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: ALL_SITES });
  } catch {
    return false;
  }
}

/** All-sites access, kept live (the user can also grant or revoke it in the browser's own UI). */
export function useAllSitesAccess(): [boolean | undefined, (granted: boolean) => void] {
  const [access, setAccess] = useState<boolean>();
  useEffect(() => {
    const refresh = () => void hasAllSitesAccess().then(setAccess);
    refresh();
    browser.permissions.onAdded?.addListener(refresh);
    browser.permissions.onRemoved?.addListener(refresh);
    return () => {
      browser.permissions.onAdded?.removeListener(refresh);
      browser.permissions.onRemoved?.removeListener(refresh);
    };
  }, []);
  return [access, setAccess];
}
