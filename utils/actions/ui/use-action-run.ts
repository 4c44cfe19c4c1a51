import { useEffect, useRef, useState } from 'preact/hooks';
import type { WireError } from '@/utils/errors';
import type { ActionRunInput } from '@/utils/actions/types';
import { startStream, type StreamHandle } from '@/utils/stream-client';

/** Where an action's answer stands. */
export interface ActionRunState {
  status: 'idle' | 'working' | 'done' | 'error';
  markdown: string;
  error?: WireError;
  finishReason?: string;
}

/** Streams one action run at a time; leaving (unmount) detaches, which aborts it. */
export function useActionRun() {
  const [state, setState] = useState<ActionRunState>({ status: 'idle', markdown: '' });
  const handle = useRef<StreamHandle | undefined>(undefined);
  useEffect(() => () => handle.current?.detach(), []);
  return {
    state,
    start(input: ActionRunInput) {
      handle.current?.detach();
      let text = '';
      setState({ status: 'working', markdown: '' });
      const mine = startStream('runAction', input, {
        onDelta(delta) {
          if (handle.current !== mine) return;
          text += delta;
          setState((previous) => ({ ...previous, markdown: text }));
        },
        onDone(finishReason) {
          if (handle.current === mine) setState({ status: 'done', markdown: text, finishReason });
        },
        onError(error) {
          if (handle.current === mine) setState({ status: 'error', markdown: text, error });
        },
      });
      handle.current = mine;
    },
    fail(error: WireError) {
      handle.current?.detach();
      setState({ status: 'error', markdown: '', error });
    },
  };
}
