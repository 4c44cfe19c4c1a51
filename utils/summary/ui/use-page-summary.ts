import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { WireError } from '@/utils/errors';
import { t } from '@/utils/i18n';
import { RemoteError, sendMessage, wireOf } from '@/utils/messaging';
import type { PageInspection } from '@/utils/summary/types';
import type { UsageReport } from '@/utils/llm/usage-report';
import { attachStream, startStream, type StreamHandle, type StreamHandlers } from '@/utils/stream-client';
import { resolveTargetTab } from '@/utils/ui/target-tab';

/** Where the summary view is. */
export type SummaryPhase = 'inspecting' | 'ready' | 'confirming' | 'running' | 'done' | 'error';

export interface PageSummaryState {
  tabId: number | null;
  phase: SummaryPhase;
  inspection: PageInspection | null;
  text: string;
  progress: { done: number; total: number } | null;
  /** Notes on each part of a long page, in the order they finished (shown while the summary is made). */
  parts: { index: number; text: string }[];
  usage: UsageReport | null;
  error: WireError | null;
  /** The user chose the whole page although something is selected ("Whole page" / "Selection"). */
  wholePage: boolean;
  /** When the summary shown came from the cache: when it was made. */
  cachedAt: number | null;
  finishReason: string | null;
}

export interface PageSummaryControls extends PageSummaryState {
  /** "Summarize page": asks first when the estimate is above the user's threshold. */
  summarize(): void;
  /** "Regenerate": a new summary even though one is stored (asks first the same way). */
  regenerate(): void;
  confirm(): void;
  cancel(): void;
  stop(): void;
  retry(): void;
  /** "Spend anyway" on a budget notice: lifts the budget for an hour and tries again. */
  spendAnyway(): void;
  /** "Whole page" (true) or "Selection" (false): reads the page again that way (nothing is spent). */
  chooseWholePage(wholePage: boolean): void;
}

const INITIAL: PageSummaryState = {
  tabId: null,
  phase: 'inspecting',
  inspection: null,
  text: '',
  progress: null,
  parts: [],
  wholePage: false,
  usage: null,
  error: null,
  cachedAt: null,
  finishReason: null,
};

/**
 * The summary of the target tab's page, for any extension page (popup, side panel): reads the
 * page when opened (nothing spent) to show the estimate or the stored summary, attaches to a
 * summary still being made, and runs, stops and regenerates. `autoStart` starts at once (the
 * context menu and the keyboard shortcut), still asking first above the cost threshold.
 */
export function usePageSummary({ autoStart = false } = {}): PageSummaryControls {
  const [state, setState] = useState<PageSummaryState>(INITIAL);
  const stateRef = useRef(state);
  stateRef.current = state;
  const handle = useRef<StreamHandle | undefined>(undefined);
  const pending = useRef<{ regenerate: boolean }>({ regenerate: false });
  const lastFailure = useRef<'inspect' | 'run'>('inspect');
  const update = (patch: Partial<PageSummaryState>) => setState((current) => ({ ...current, ...patch }));

  const streamHandlers = (): StreamHandlers => ({
    onSnapshot: (text) => update({ text }),
    onDelta: (delta) => setState((current) => ({ ...current, text: current.text + delta })),
    onProgress: (done, total) => update({ progress: { done, total } }),
    onPart: (index, text) => setState((current) => ({ ...current, parts: [...current.parts, { index, text }] })),
    onUsage: (usage) => update({ usage }),
    onDone: (finishReason) => update({ phase: 'done', finishReason, cachedAt: finishReason === 'cached' ? Date.now() : null }),
    onError: (error) => {
      lastFailure.current = 'run';
      update({ phase: 'error', error });
    },
  });

  const start = (regenerate: boolean) => {
    const { tabId } = stateRef.current;
    if (tabId === null) return;
    pending.current = { regenerate };
    handle.current?.detach();
    update({
      phase: 'running',
      text: '',
      progress: null,
      parts: [],
      usage: null,
      error: null,
      cachedAt: null,
      finishReason: null,
    });
    const { wholePage } = stateRef.current;
    handle.current = startStream('summarize', { tabId, regenerate, ...(wholePage ? { wholePage } : {}) }, streamHandlers());
  };

  const inspecting = useRef<Promise<PageInspection | null> | null>(null);
  const inspect = (tabId: number | null): Promise<PageInspection | null> => {
    inspecting.current = readPage(tabId);
    return inspecting.current;
  };
  const readPage = async (tabId: number | null): Promise<PageInspection | null> => {
    update({ phase: 'inspecting', error: null });
    try {
      if (tabId === null)
        throw new RemoteError({ code: 'page_unreadable', message: t('error_page_unreadable'), retryable: false });
      const { wholePage } = stateRef.current;
      const inspection = await sendMessage('inspectPage', { tabId, ...(wholePage ? { wholePage } : {}) });
      const { stored, runningJobId } = inspection;
      if (runningJobId) {
        update({ inspection, phase: 'running', text: '', parts: [] });
        handle.current = attachStream(runningJobId, streamHandlers());
      } else if (stored) {
        update({
          inspection,
          phase: 'done',
          text: stored.text,
          usage: stored.usage,
          cachedAt: stored.createdAt,
          finishReason: 'cached',
        });
      } else {
        update({ inspection, phase: 'ready' });
      }
      return inspection;
    } catch (error) {
      lastFailure.current = 'inspect';
      update({ phase: 'error', error: wireOf(error) });
      return null;
    }
  };

  const request = async (regenerate: boolean) => {
    let inspection = stateRef.current.inspection;
    // Pressed while the page is being read: wait for that. After a failure the page may have
    // changed (finished loading, say): read it again.
    if (stateRef.current.phase === 'inspecting' && inspecting.current) inspection = await inspecting.current;
    else if (!inspection || stateRef.current.phase === 'error') inspection = await inspect(stateRef.current.tabId);
    if (!inspection) return;
    if (inspection.estimate.needsConfirm) {
      pending.current = { regenerate };
      update({ phase: 'confirming' });
      return;
    }
    start(regenerate);
  };

  useEffect(() => {
    let cancelled = false;
    // Stored as the pending read, so that a press before the tab is even known waits for it.
    inspecting.current = (async () => {
      const tabId = await resolveTargetTab().catch(() => null);
      if (cancelled) return null;
      update({ tabId });
      stateRef.current = { ...stateRef.current, tabId };
      const inspection = await readPage(tabId);
      if (!cancelled && autoStart && inspection && !inspection.stored && !inspection.runningJobId) void request(false);
      return inspection;
    })();
    return () => {
      cancelled = true;
      // Leaving the view only detaches: a summary being made finishes and is stored.
      handle.current?.detach();
    };
  }, []);

  return {
    ...state,
    summarize: useCallback(() => void request(false), []),
    regenerate: useCallback(() => void request(true), []),
    confirm: useCallback(() => start(pending.current.regenerate), []),
    cancel: useCallback(() => update({ phase: stateRef.current.text ? 'done' : 'ready' }), []),
    stop: useCallback(() => handle.current?.stop(), []),
    retry: useCallback(() => {
      if (lastFailure.current === 'inspect') void inspect(stateRef.current.tabId);
      else start(pending.current.regenerate);
    }, []),
    chooseWholePage: useCallback((wholePage: boolean) => {
      const current = stateRef.current;
      if (current.wholePage === wholePage || current.phase === 'running' || current.phase === 'inspecting') return;
      handle.current?.detach();
      stateRef.current = { ...current, wholePage };
      update({ wholePage, text: '', parts: [], progress: null, usage: null, cachedAt: null, finishReason: null });
      void inspect(current.tabId);
    }, []),
    spendAnyway: useCallback(() => {
      void sendMessage('overrideBudget', null).then(
        () => start(pending.current.regenerate),
        (error) => update({ phase: 'error', error: wireOf(error) }),
      );
    }, []),
  };
}
