import { useEffect, useRef, useState } from 'preact/hooks';
import type { WireError } from '@/utils/errors';
import type { UsageReport } from '@/utils/llm/usage-report';
import type { ActionRunInput } from '@/utils/actions/types';
import type { ActionInput } from '@/utils/protocol';
import { startStream, type StreamHandle } from '@/utils/stream-client';

/** Where an action's answer stands. */
export interface ActionRunState {
  status: 'idle' | 'working' | 'done' | 'error';
  markdown: string;
  error?: WireError;
  finishReason?: string;
  usage?: UsageReport;
}

/**
 * Streams one action run at a time: a card's (`runAction`) or the side panel's (`runPanelAction`).
 * Leaving (unmount) detaches, which aborts it.
 */
export function useActionRun() {
  const [state, setState] = useState<ActionRunState>({ status: 'idle', markdown: '' });
  const handle = useRef<StreamHandle | undefined>(undefined);
  useEffect(() => () => handle.current?.detach(), []);

  function begin<A extends 'runAction' | 'runPanelAction'>(action: A, input: ActionInput<A>) {
    handle.current?.detach();
    let text = '';
    let usage: UsageReport | undefined;
    setState({ status: 'working', markdown: '' });
    const mine = startStream(action, input, {
      onDelta(delta) {
        if (handle.current !== mine) return;
        text += delta;
        setState((previous) => ({ ...previous, markdown: text }));
      },
      onUsage(report) {
        usage = report;
      },
      onDone(finishReason) {
        if (handle.current === mine) setState({ status: 'done', markdown: text, finishReason, usage });
      },
      onError(error) {
        if (handle.current === mine) setState({ status: 'error', markdown: text, error, usage });
      },
    });
    handle.current = mine;
  }

  return {
    state,
    start(input: ActionRunInput) {
      begin('runAction', input);
    },
    /** The answer of a request the side panel took. */
    startPanel(id: string, tabId: number) {
      begin('runPanelAction', { id, tabId });
    },
    stop() {
      handle.current?.stop();
    },
    fail(error: WireError) {
      handle.current?.detach();
      setState({ status: 'error', markdown: '', error });
    },
  };
}
