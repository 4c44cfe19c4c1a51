import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { pinnedTabId } from '@/utils/ui/target-tab';

/** The tab a side panel talks about, and what is known of its page. */
export interface BoundTab {
  tabId: number | null;
  /** The page the conversation is about (its address when readable). */
  url: string;
  title: string;
  /** The tab has navigated to another page since the panel read it. */
  changed: boolean;
  /** Following the active tab (the setting), not a tab of its own. */
  following: boolean;
  /** Takes the tab's new page as the one to talk about. */
  acceptNewPage(): void;
}

function sameDocument(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

/**
 * Binds the panel to a tab: `?tabId=N`, or the active tab of the panel's window. With `follow`
 * (the setting) it moves with the active tab; otherwise it stays with its tab, and a navigation
 * of that tab is reported as `changed` (the panel offers to read the new page).
 */
export function useBoundTab(follow: boolean): BoundTab {
  const pinned = useRef(pinnedTabId(globalThis.location?.search ?? ''));
  const [state, setState] = useState<Omit<BoundTab, 'acceptNewPage'>>({
    tabId: pinned.current,
    url: '',
    title: '',
    changed: false,
    following: false,
  });
  const current = useRef(state);
  current.current = state;
  const following = follow || pinned.current === null;

  const adopt = useCallback(
    (tab: Browser.tabs.Tab | undefined) => {
      if (tab?.id === undefined) return;
      setState({ tabId: tab.id, url: tab.url ?? '', title: tab.title ?? '', changed: false, following });
    },
    [following],
  );

  useEffect(() => {
    let alive = true;
    let ownWindow: number | undefined;
    let ownTab: number | undefined;
    void browser.windows?.getCurrent().then(
      (window) => (ownWindow = window.id),
      () => {},
    );
    const start = async () => {
      if (pinned.current !== null && !follow) {
        const tab = await browser.tabs.get(pinned.current).catch(() => undefined);
        if (alive) adopt(tab ?? ({ id: pinned.current } as Browser.tabs.Tab));
        return;
      }
      // Opened as an ordinary tab, the panel is itself the active tab: it talks about the tab used
      // last before it instead.
      ownTab = (await browser.tabs.getCurrent().catch(() => undefined))?.id;
      const tabs = await browser.tabs.query({ currentWindow: true });
      const others = tabs.filter((tab) => tab.id !== ownTab);
      const tab =
        others.find((candidate) => candidate.active) ?? others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
      if (alive) adopt(tab);
    };
    void start();
    const onUpdated = (tabId: number, change: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab) => {
      const bound = current.current;
      if (tabId !== bound.tabId) return;
      if (change.title && !bound.changed) setState((s) => ({ ...s, title: change.title ?? s.title }));
      const url = change.url ?? (change.status === 'complete' ? tab.url : undefined);
      // Without a permission for the new page its address is hidden: a load that shows none is a
      // navigation too (or a reload, which may also have changed the text).
      const hidden = change.status === 'loading' && !change.url && !tab.url && !!bound.url;
      if (!hidden && (!url || !bound.url || sameDocument(url, bound.url))) return;
      if (following) adopt(tab);
      else setState((s) => ({ ...s, changed: true }));
    };
    const onActivated = ({ tabId, windowId }: { tabId: number; windowId: number }) => {
      // Only the panel's own window: another window's active tab is not the one beside it.
      if (tabId === ownTab || !following || (ownWindow !== undefined && windowId !== ownWindow)) return;
      void browser.tabs.get(tabId).then(adopt, () => {});
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      alive = false;
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [adopt, follow, following]);

  const acceptNewPage = useCallback(() => {
    const tabId = current.current.tabId;
    if (tabId !== null) void browser.tabs.get(tabId).then(adopt, () => {});
  }, [adopt]);

  return { ...state, following, acceptNewPage };
}
