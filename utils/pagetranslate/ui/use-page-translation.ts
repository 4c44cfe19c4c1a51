import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { WireError } from '@/utils/errors';
import { sendMessage, wireOf } from '@/utils/messaging';
import { withSiteRule, type SiteRule } from '@/utils/pagetranslate/sites';
import type { PageCommand, PageStatus } from '@/utils/pagetranslate/types';
import { getSettings, updateSettings } from '@/utils/settings';
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
  /** Sets the page's site to always or never be translated (pressing the set rule again clears it). */
  setRule(rule: SiteRule): Promise<void>;
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

  const setRule = useCallback(
    async (rule: SiteRule) => {
      const site = status?.site;
      if (!site) return;
      const next = status?.rule === rule ? 'none' : rule;
      const settings = await getSettings();
      await updateSettings(withSiteRule(site, next, settings));
      setStatus((current) => (current ? { ...current, rule: next } : current));
      // "Always" starts now too, as it will on the next visit.
      if (next === 'always' && !status?.active) await run('start');
    },
    [status, run],
  );

  return { status, error, busy, run, spendAnyway, setRule };
}
