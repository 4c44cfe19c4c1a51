import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { WireError } from '@/utils/errors';
import { sendMessage, wireOf } from '@/utils/messaging';
import { startStream, type StreamHandle } from '@/utils/stream-client';
import { currentTurns, type AskPlanView, type PageTurn } from '@/utils/ask/types';

/** The question being answered, as the panel shows it while it streams. */
export interface PendingAsk {
  id: string;
  question: string;
  answer: string;
  error: WireError | null;
}

export interface PageAsk {
  turns: PageTurn[];
  pending: PendingAsk | null;
  busy: boolean;
  /** What sending the draft would send and cost (null while counting or with no draft). */
  plan: AskPlanView | null;
  planError: WireError | null;
  counting: boolean;
  /** The question waits for "Ask anyway" (its cost is over the user's threshold). */
  confirming: boolean;
  send(question: string, options?: { confirmed?: boolean }): boolean;
  stop(): void;
  clear(): void;
}

function newId(): string {
  return `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Questions about one tab's page (`askPageCited`) and the stored conversation about that page:
 * loads it when the page changes, estimates the draft (debounced), streams an answer, reloads the
 * stored turn (with its citations) when the answer ends.
 */
export function usePageAsk(tabId: number | null, url: string, draft: string, selection: string): PageAsk {
  const [turns, setTurns] = useState<PageTurn[]>([]);
  const [pending, setPending] = useState<PendingAsk | null>(null);
  const [plan, setPlan] = useState<AskPlanView | null>(null);
  const [planError, setPlanError] = useState<WireError | null>(null);
  const [counting, setCounting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const handle = useRef<StreamHandle | undefined>(undefined);
  const busy = pending !== null && pending.error === null;

  const reload = useCallback(async () => {
    if (!url) return setTurns([]);
    const conversation = await sendMessage('askGetConversation', { url }).catch(() => null);
    setTurns(currentTurns(conversation));
  }, [url]);

  useEffect(() => {
    setPending(null);
    void reload();
  }, [reload]);
  useEffect(() => () => handle.current?.detach(), []);

  useEffect(() => {
    setConfirming(false);
    if (tabId === null || !draft.trim()) {
      setPlan(null);
      setCounting(false);
      return undefined;
    }
    setCounting(true);
    let current = true;
    const timer = setTimeout(() => {
      sendMessage('askPlan', { tabId, question: draft, ...(selection ? { selection } : {}) }).then(
        (result) => {
          if (!current) return;
          setPlan(result);
          setPlanError(null);
          setCounting(false);
        },
        (error: unknown) => {
          if (!current) return;
          setPlanError(wireOf(error));
          setCounting(false);
        },
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [tabId, draft, selection, turns.length]);

  const send = (question: string, options: { confirmed?: boolean } = {}): boolean => {
    if (tabId === null || busy || !question.trim()) return false;
    if (!options.confirmed && plan?.needsConfirm && !counting) {
      setConfirming(true);
      return false;
    }
    setConfirming(false);
    const id = newId();
    let answer = '';
    setPending({ id, question, answer: '', error: null });
    handle.current = startStream(
      'askPageCited',
      { tabId, question, turnId: id, ...(selection ? { selection } : {}) },
      {
        onDelta: (delta) => {
          answer += delta;
          setPending({ id, question, answer, error: null });
        },
        onDone: () => {
          void reload().then(() => setPending(null));
        },
        onError: (error) => {
          void reload().then(() => {
            // A stored turn shows the failure itself; otherwise it stays here.
            setPending(error.code === 'aborted' ? null : { id, question, answer, error });
          });
        },
      },
    );
    return true;
  };

  return {
    turns: pending ? turns.filter((turn) => turn.id !== pending.id) : turns,
    pending,
    busy,
    plan,
    planError,
    counting,
    confirming,
    send,
    stop: () => handle.current?.stop(),
    clear: () => {
      if (!url) return;
      void sendMessage('askClearConversation', { url }).then(reload, () => {});
    },
  };
}
