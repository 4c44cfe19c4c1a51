import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { WireError } from '@/utils/errors';
import { sendMessage, wireOf } from '@/utils/messaging';
import type { PageCommand, PageStatus } from '@/utils/pagetranslate/types';
import { resolveTargetTab } from '@/utils/ui/target-tab';

/** How often an open popup refreshes the page's progress while it translates. */
const POLL_MS = 1000;

export interface PageTranslationState {
  status: PageStatus | null;
  /** The tab could not be reached (a browser page, the store...). */
  error: WireError | null;
  busy: boolean;
  run(command: PageCommand): Promise<void>;
  /** "Spend anyway": lets calls past the budget, then goes on. */
  spendAnyway(): Promise<void>;
}

/** The page translation of the tab the popup is about: its status, and the commands. */
export function usePageTranslation(): PageTranslationState {
  const [status, setStatus] = useState<PageStatus | null>(null);
  const [error, setError] = useState<WireError | null>(null);
  const [busy, setBusy] = useState(false);
  const tab = useRef<Promise<number | null> | undefined>(undefined);
  tab.current ??= resolveTargetTab();

  const run = useCallback(async (command: PageCommand) => {
    const tabId = await tab.current;
    if (tabId === null || tabId === undefined) return;
    if (command !== 'status') setBusy(true);
    try {
      setStatus(await sendMessage('pageTranslate', { tabId, command }));
      setError(null);
    } catch (failure) {
      setError(wireOf(failure));
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => void run('status'), [run]);
  const active = status?.active ?? false;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void run('status'), POLL_MS);
    return () => clearInterval(timer);
  }, [active, run]);

  const spendAnyway = useCallback(async () => {
    await sendMessage('overrideBudget', null);
    await run('resume');
  }, [run]);

  return { status, error, busy, run, spendAnyway };
}
