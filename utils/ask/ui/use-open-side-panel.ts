import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openSidePanel } from '@/utils/ask/open-panel';
import { resolveTargetTab } from '@/utils/ui/target-tab';

/**
 * The popup's "Open side panel": the target tab is looked up when the popup opens, so that the
 * click can call `sidePanel.open()` first thing, while the click still counts as a user gesture.
 */
export function useOpenSidePanel(): () => void {
  const tabId = useRef<number | null>(null);
  useEffect(() => {
    void resolveTargetTab().then(
      (id) => (tabId.current = id),
      () => {},
    );
  }, []);
  return () => {
    if (tabId.current === null) return;
    const opened = openSidePanel(tabId.current);
    // The toolbar popup gives way to the panel; a popup page opened as a tab stays.
    const popups = browser.extension?.getViews?.({ type: 'popup' }) ?? [];
    void opened.then(
      () => {
        if (popups.includes(window)) window.close();
      },
      (error: unknown) => console.error('side panel did not open', error),
    );
  };
}
