import { useEffect, useRef, useState } from 'preact/hooks';
import type { WireError } from '@/utils/errors';
import { sendMessage, wireOf } from '@/utils/messaging';
import type { ChatTurn } from '@/utils/llm/request';
import type { UsageReport } from '@/utils/llm/usage-report';
import { startStream, type StreamHandle } from '@/utils/stream-client';

export interface PageThreadControls {
  /** Finished questions and answers, oldest first. */
  turns: ChatTurn[];
  /** The question being answered (or that failed), and the answer so far. */
  pending: { question: string; answer: string } | null;
  busy: boolean;
  error: WireError | null;
  usage: UsageReport | null;
  ask(question: string): void;
  stop(): void;
  retry(): void;
  spendAnyway(): void;
}

/**
 * A follow-up conversation about a tab's page (`askPage`): the background answers from the page
 * text. Starts from the thread stored with the page's summary; answers finish and are stored even
 * if the view closes. Reusable by any page that knows the tab (popup, side panel).
 */
export function usePageThread(tabId: number | null, initial: ChatTurn[], wholePage = false): PageThreadControls {
  const [turns, setTurns] = useState<ChatTurn[]>(initial);
  const [pending, setPending] = useState<PageThreadControls['pending']>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WireError | null>(null);
  const [usage, setUsage] = useState<UsageReport | null>(null);
  const handle = useRef<StreamHandle | undefined>(undefined);
  const turnsRef = useRef(turns);
  turnsRef.current = turns;

  // A stored thread arrives once the page has been read.
  useEffect(() => setTurns(initial), [initial]);
  useEffect(() => () => handle.current?.detach(), []);

  const ask = (question: string) => {
    if (tabId === null || busy || !question.trim()) return;
    const history = turnsRef.current;
    let answer = '';
    setPending({ question, answer: '' });
    setBusy(true);
    setError(null);
    setUsage(null);
    handle.current = startStream(
      'askPage',
      // The same text as the summary's (the whole page, or the selection): the thread is stored with it.
      { tabId, turns: [...history, { role: 'user', content: question }], ...(wholePage ? { wholePage } : {}) },
      {
        onDelta: (delta) => {
          answer += delta;
          setPending({ question, answer });
        },
        onUsage: setUsage,
        onDone: () => {
          setTurns([...history, { role: 'user', content: question }, { role: 'assistant', content: answer }]);
          setPending(null);
          setBusy(false);
        },
        onError: (failure) => {
          setError(failure);
          setBusy(false);
        },
      },
    );
  };

  return {
    turns,
    pending,
    busy,
    error,
    usage,
    ask,
    stop: () => handle.current?.stop(),
    retry: () => pending && ask(pending.question),
    spendAnyway: () => {
      if (!pending) return;
      const question = pending.question;
      void sendMessage('overrideBudget', null).then(
        () => ask(question),
        (failure: unknown) => setError(wireOf(failure)),
      );
    },
  };
}
