import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging';
import { watchWaiting } from '@/utils/actions/panel-requests';
import type { PanelActionView } from '@/utils/actions/types';

/**
 * The action runs sent to this side panel: takes the request waiting for its tab when it opens,
 * and each one that arrives while it is open. Each is taken once (the background hands it to one
 * panel only); they are kept, newest last, while the panel is open (a panel that follows the
 * active tab keeps them when it moves: each shows the selection it ran on).
 */
export function usePanelActions(tabId: number | null): PanelActionView[] {
  const [runs, setRuns] = useState<PanelActionView[]>([]);
  useEffect(() => {
    if (tabId === null) return undefined;
    let alive = true;
    const take = () =>
      void sendMessage('takePanelAction', { tabId }).then(
        (view) => {
          if (alive && view) setRuns((previous) => [...previous, view]);
        },
        () => {},
      );
    const unwatch = watchWaiting(tabId, take);
    take();
    return () => {
      alive = false;
      unwatch();
    };
  }, [tabId]);
  return runs;
}
