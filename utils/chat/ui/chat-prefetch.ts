import type { Conversation } from '@/utils/chat/types';
import { sendMessage } from '@/utils/messaging';

/** The current conversation and its draft, asked for as the page starts (see `prefetchChat`). */
export interface ChatPrefetch {
  conversation: Promise<Conversation | null>;
  draft: Promise<{ text: string }>;
  /**
   * The answers that have arrived, kept as they arrive: a chat first rendered after the
   * conversation came shows it in that very render, not one effect and one frame later.
   */
  arrived: { conversation?: Conversation | null; draft?: string };
}

let prefetched: ChatPrefetch | undefined;

/**
 * Asks the background for the current conversation and draft right away, before the page has
 * even read its settings: the popup opens faster when that round trip (and a sleeping worker's
 * start) overlaps the page's own start. The first `useChat` to render takes the answers.
 */
export function prefetchChat(): void {
  const conversation = sendMessage('chatGet', { id: null });
  const draft = sendMessage('chatGetDraft', { id: null });
  const arrived: ChatPrefetch['arrived'] = {};
  // Failures are handled where they are used; nothing unhandled in between.
  conversation.then(
    (value) => {
      arrived.conversation = value;
    },
    () => {},
  );
  draft.then(
    ({ text }) => {
      arrived.draft = text;
    },
    () => {},
  );
  prefetched = { conversation, draft, arrived };
}

/** The prefetch, for the first chat that asks (later ones load their own). */
export function takePrefetch(): ChatPrefetch | undefined {
  const taken = prefetched;
  prefetched = undefined;
  return taken;
}
