import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_MESSAGE_CHARS, type ChatEstimate } from '@/utils/chat/types';
import type { WireError } from '@/utils/errors';
import { sendMessage, wireOf } from '@/utils/messaging';

/** The composer's view of the next request's cost. */
export interface EstimateState {
  /** For the draft as it was last counted; null before the first count. */
  estimate: ChatEstimate | null;
  /** True while the draft shown differs from the one counted. */
  counting: boolean;
  /** The draft is over the character limit: not counted, cannot be sent. */
  tooManyChars: boolean;
  error: WireError | null;
}

/** Waits this long after the last keystroke; longer for long text, whose count takes longer. */
function debounceFor(chars: number): number {
  return chars > 100_000 ? 400 : 150;
}

/**
 * Asks the background what sending the draft next would cost: tokens (history included, trimmed
 * as the real request will be) and price. The background counts, so the popup never loads the
 * tokenizer (it would slow every opening) and a huge paste is counted off the page's thread.
 */
export function useChatEstimate(input: {
  conversationId: string;
  saved: boolean;
  model: string;
  draft: string;
  /** Changes when the conversation changes (an answer ended), so history is counted again. */
  historyKey: string;
}): EstimateState {
  const { conversationId, saved, model, draft, historyKey } = input;
  const [result, setResult] = useState<{ estimate: ChatEstimate | null; error: WireError | null; for: string }>({
    estimate: null,
    error: null,
    for: '',
  });
  const sequence = useRef(0);
  const tooManyChars = draft.length > MAX_MESSAGE_CHARS;
  const key = `${saved ? conversationId : ''}\u0000${model}\u0000${historyKey}\u0000${draft}`;

  useEffect(() => {
    if (tooManyChars || !model.trim()) return;
    // A new chat with nothing typed costs nothing yet: not counted, so that opening the popup does
    // not load the background's tokenizer (it loads at the first keystroke, while the user types).
    if (!saved && !draft.trim()) {
      setResult({ estimate: null, error: null, for: key });
      return;
    }
    const id = ++sequence.current;
    const timer = setTimeout(() => {
      sendMessage('chatEstimate', { conversationId: saved ? conversationId : null, text: draft, model }).then(
        (estimate) => {
          if (id === sequence.current) setResult({ estimate, error: null, for: key });
        },
        (error) => {
          if (id !== sequence.current) return;
          setResult({ estimate: null, error: wireOf(error), for: key });
        },
      );
    }, debounceFor(draft.length));
    return () => clearTimeout(timer);
  }, [key]);

  return { estimate: result.estimate, error: result.error, counting: result.for !== key && !tooManyChars, tooManyChars };
}
