import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging';
import type { UsageOverview } from '@/utils/usage/types';

const REFRESH_MS = 5000;

/**
 * The Usage page's data, refreshed while the page is visible (calls made from the popup or a page
 * appear without reloading). `refresh` reloads now.
 */
export function useUsage(): { overview: UsageOverview | undefined; refresh(): Promise<void> } {
  const [overview, setOverview] = useState<UsageOverview>();
  const refresh = useCallback(async () => {
    setOverview(await sendMessage('getUsage', null));
  }, []);
  useEffect(() => {
    void refresh().catch(() => {});
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh().catch(() => {});
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return { overview, refresh };
}
