import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { titleFrom } from '@/utils/chat/messages';
import type { ChatInput, ChatMessage, Conversation } from '@/utils/chat/types';
import { emptyChat, shownChat, type ChatControls, type ChatState } from './chat-state';
import { takePrefetch, type ChatPrefetch } from './chat-prefetch';
import type { WireError } from '@/utils/errors';
import { LiveText } from '@/utils/live-text';
import { sendMessage, wireOf } from '@/utils/messaging';
import { attachStream, startStream, type StreamHandle, type StreamHandlers } from '@/utils/stream-client';
import { answerStream } from './answer-stream';
import { DraftKeeper } from './draft';

const newId = () => crypto.randomUUID();

export type { ChatControls, ChatState } from './chat-state';

// After these, the question did not reach storage: its bubbles go, and its text goes back into
// an empty composer.
const NOT_STORED = new Set(['storage_failed', 'refused', 'too_large', 'chat_busy']);

/**
 * The chat a page shows: the stored conversation, the answer streaming into it, and the draft.
 * The background owns the conversation; this hook mirrors it, streams answers into it, and
 * re-attaches to an answer still running when the page reopens. Usable by any extension page
 * (the popup today, a side panel later).
 */
export function useChat(defaultModel: string): { state: ChatState; draft: string; controls: ChatControls } {
  // The popup asked for the conversation as it started: what has arrived by this first render
  // is shown in it.
  const [early] = useState(takePrefetch);
  const [start] = useState(() => {
    const arrived = early?.arrived;
    if (!arrived || arrived.conversation === undefined) return undefined;
    return { ...shownChat(arrived.conversation, defaultModel), draft: arrived.draft };
  });
  const [state, setState] = useState<ChatState>(() => start?.state ?? { ...emptyChat(defaultModel), loading: true });
  const [draft, setDraftState] = useState(() => start?.draft ?? '');
  const stream = useRef<StreamHandle | undefined>(undefined);
  const latest = useRef({ state, draft });
  latest.current = { state, draft };
  const model = useRef(defaultModel);
  model.current = defaultModel;
  /** Sends so far: a kept draft that arrives after a send is that question, not a draft. */
  const sends = useRef(0);

  const drafts = useRef<DraftKeeper | undefined>(undefined);
  drafts.current ??= new DraftKeeper();
  const flushDraft = () => drafts.current!.flush();
  /** Changes the draft; `keep`: also store it (not when it came from storage or was cleared for a new chat). */
  const setDraft = (text: string | ((typed: string) => string), keep = true) => {
    const previous = latest.current.draft;
    const next = typeof text === 'function' ? text(previous) : text;
    latest.current = { ...latest.current, draft: next };
    setDraftState(next);
    if (!keep || next === previous) return;
    const current = latest.current.state;
    drafts.current!.keep(current.saved ? current.conversationId : null, next);
  };

  const patchMessage = (id: string, change: (message: ChatMessage) => ChatMessage) =>
    setState((s) => ({ ...s, messages: s.messages.map((m) => (m.id === id ? change(m) : m)) }));

  /** Stream events for one answer, into `live` (see answerStream). */
  const handlersFor = (
    answerId: string,
    live: LiveText,
    replacing: boolean,
    failedBeforeText?: (error: WireError) => void,
  ): StreamHandlers =>
    answerStream(live, replacing, {
      update: (change) => patchMessage(answerId, change),
      end: (change) => {
        stream.current = undefined;
        setState((s) => ({
          ...s,
          messages: s.messages.map((m) => (m.id === answerId ? change(m) : m)),
          ...(s.streamingId === answerId ? { streamingId: null, live: null } : {}),
        }));
      },
      failedBeforeText,
    });

  /** Follows an answer the background is still writing into the shown conversation. */
  const follow = (shown: ChatState, jobId: string) => {
    stream.current = attachStream(jobId, handlersFor(shown.streamingId!, shown.live!, true));
  };

  const show = (conversation: Conversation | null) => {
    stream.current?.detach();
    stream.current = undefined;
    const { state: shown, runningJob } = shownChat(conversation, model.current);
    setState(shown);
    // Still being written by the background: show the rest as it arrives.
    if (runningJob) follow(shown, runningJob);
  };

  /**
   * Takes back a question the background refused before storing it: its bubbles go, its text
   * returns to the composer, and the refusal shows above the conversation. Refused because another
   * window is answering in this conversation, the conversation is shown as stored now (with that
   * answer streaming in), so what the user sees is what is kept.
   */
  const takeBack = (sent: { messageId: string; answerId: string; text: string }, before: ChatState, error: WireError) => {
    setDraft((typed) => typed || sent.text);
    const withoutSent = (s: ChatState): ChatState => ({
      ...s,
      saved: before.saved,
      title: before.title,
      messages: s.messages.filter((m) => m.id !== sent.messageId && m.id !== sent.answerId),
      // Send is the retry: the text is in the composer.
      error: { ...error, retryable: false },
    });
    setState(withoutSent);
    if (error.code !== 'chat_busy' || !before.saved) return;
    sendMessage('chatGet', { id: before.conversationId }).then(
      (conversation) => {
        if (!conversation || latest.current.state.conversationId !== conversation.id) return;
        show(conversation);
        setState((s) => ({ ...s, error: { ...error, retryable: false } }));
      },
      () => {},
    );
  };

  /** Puts the stored draft in the composer, unless the user typed or sent meanwhile. */
  const applyDraft = (draft: Promise<{ text: string }>) => {
    const sentBefore = sends.current;
    void draft.then(({ text }) => {
      // Typed meanwhile wins over the kept draft. Sent meanwhile (an Enter while loading), the
      // kept draft may be that very question, stored by a busy worker before it answered.
      if (sends.current !== sentBefore) return;
      setDraft((typed) => typed || text, false);
    });
  };

  /** Shows the current conversation (History makes a conversation current before the chat opens). */
  const load = (prefetch?: ChatPrefetch) => {
    flushDraft();
    setState((s) => ({ ...s, loading: true }));
    const draft = (prefetch?.draft ?? sendMessage('chatGetDraft', { id: null })).catch(() => ({ text: '' }));
    (prefetch?.conversation ?? sendMessage('chatGet', { id: null })).then(
      (conversation) => {
        show(conversation);
        applyDraft(draft);
      },
      (error) => setState({ ...emptyChat(model.current), error: wireOf(error) }),
    );
  };

  /** The first render showed the prefetched conversation: follow its running answer, take its draft. */
  const startShown = (prefetch: ChatPrefetch, shown: NonNullable<typeof start>) => {
    if (shown.runningJob) follow(shown.state, shown.runningJob);
    if (shown.draft === undefined) applyDraft(prefetch.draft.catch(() => ({ text: '' })));
  };

  // As the first render is committed: an effect would wait for a painted frame before even
  // listening for the conversation.
  useLayoutEffect(() => {
    if (early && start) startShown(early, start);
    else load(early);
    const onHide = () => document.visibilityState === 'hidden' && flushDraft();
    document.addEventListener('visibilitychange', onHide);
    addEventListener('pagehide', flushDraft);
    return () => {
      flushDraft();
      document.removeEventListener('visibilitychange', onHide);
      removeEventListener('pagehide', flushDraft);
      // The answer runs on in the background; this page only stops listening.
      stream.current?.detach();
    };
  }, []);

  const startAnswer = (input: ChatInput, answerId: string, shown: string, onFailedSend?: (error: WireError) => void) => {
    const live = new LiveText(shown);
    setState((s) => ({ ...s, streamingId: answerId, live }));
    stream.current = startStream('chat', input, handlersFor(answerId, live, shown !== '', onFailedSend));
  };

  const controls = useMemo<ChatControls>(
    () => ({
      setDraft,
      send() {
        const { state: current, draft: text } = latest.current;
        if (!text.trim() || current.streamingId || current.loading) return false;
        sends.current += 1;
        const messageId = newId();
        const answerId = newId();
        const now = Date.now();
        setState((s) => ({
          ...s,
          saved: true,
          error: null,
          title: s.title || titleFrom(text),
          messages: [
            ...s.messages,
            { id: messageId, role: 'user', content: text, status: 'done', createdAt: now },
            { id: answerId, role: 'assistant', content: '', status: 'streaming', createdAt: now, model: s.model },
          ],
        }));
        setDraft('');
        const input: ChatInput = {
          op: 'send',
          conversationId: current.conversationId,
          messageId,
          answerId,
          text,
          model: current.model,
        };
        startAnswer(input, answerId, '', (error) => {
          if (NOT_STORED.has(error.code)) takeBack({ messageId, answerId, text }, current, error);
        });
        return true;
      },
      stop() {
        stream.current?.stop();
      },
      regenerate(answerId) {
        const current = latest.current.state;
        if (current.streamingId) return;
        const shown = current.messages.find((m) => m.id === answerId)?.content ?? '';
        patchMessage(answerId, ({ error: _error, usage: _usage, ...m }) => ({ ...m, status: 'streaming', model: current.model }));
        startAnswer({ op: 'regenerate', conversationId: current.conversationId, answerId }, answerId, shown);
      },
      overrideBudget(answerId) {
        sendMessage('overrideBudget', null).then(
          () => controls.regenerate(answerId),
          (error) => patchMessage(answerId, (m) => ({ ...m, error: wireOf(error) })),
        );
      },
      newChat() {
        flushDraft();
        void sendMessage('chatSetCurrent', { id: null }).catch(() => {});
        show(null);
        setDraft('', false);
      },
      setModel(model) {
        const trimmed = model.trim();
        const current = latest.current.state;
        if (!trimmed || trimmed === current.model) return;
        setState((s) => ({ ...s, model: trimmed }));
        if (current.saved) {
          sendMessage('chatSetModel', { id: current.conversationId, model: trimmed }).catch((error) =>
            setState((s) => ({ ...s, error: wireOf(error) })),
          );
        }
      },
      reload: () => load(),
    }),
    [],
  );

  return { state, draft, controls };
}
