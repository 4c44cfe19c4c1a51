import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { titleFrom } from '../chat-messages';
import type { ChatInput, ChatMessage, Conversation } from '../chat-types';
import type { WireError } from '../errors';
import { RemoteError, sendMessage } from '../messaging';
import { attachStream, startStream, type StreamHandle, type StreamHandlers } from '../stream-client';

/** What a chat view shows. */
export interface ChatState {
  conversationId: string;
  /** Whether the background has stored this conversation (a new chat is stored on its first send). */
  saved: boolean;
  title: string;
  model: string;
  messages: ChatMessage[];
  /** The answer streaming into this view, if any. */
  streamingId: string | null;
  loading: boolean;
  /** A failure not tied to one answer (the conversation could not be loaded). */
  error: WireError | null;
}

/** What a chat view can do. */
export interface ChatControls {
  setDraft(text: string): void;
  /** Sends the draft; false when there is nothing to send or an answer is still streaming. */
  send(): boolean;
  stop(): void;
  /** Answers the last question again (Regenerate, Retry). */
  regenerate(answerId: string): void;
  /** "Spend anyway", then the same answer again. */
  overrideBudget(answerId: string): void;
  /** Starts an empty conversation; an answer still streaming finishes in the background. */
  newChat(): void;
  /** Switches the model from the next answer on (stored with the conversation). */
  setModel(model: string): void;
  /** Shows a stored conversation, or the current one (null). */
  open(id: string | null): void;
}

const newId = () => crypto.randomUUID();

function emptyChat(model: string): ChatState {
  return { conversationId: newId(), saved: false, title: '', model, messages: [], streamingId: null, loading: false, error: null };
}

function asWire(error: unknown): WireError {
  if (error instanceof RemoteError) return error.wire;
  return { code: 'unknown', message: String(error), retryable: false };
}

// After these, the question did not reach storage: it goes back into an empty composer.
const NOT_STORED = new Set(['storage_failed', 'refused', 'too_large']);

/**
 * The chat a page shows: the stored conversation, the answer streaming into it, and the draft.
 * The background owns the conversation; this hook mirrors it, streams answers into it, and
 * re-attaches to an answer still running when the page reopens. Usable by any extension page
 * (the popup today, a side panel later).
 */
export function useChat(defaultModel: string): { state: ChatState; draft: string; controls: ChatControls } {
  const [state, setState] = useState<ChatState>(() => ({ ...emptyChat(defaultModel), loading: true }));
  const [draft, setDraft] = useState('');
  const stream = useRef<StreamHandle | undefined>(undefined);
  const latest = useRef({ state, draft });
  latest.current = { state, draft };

  const patchMessage = (id: string, change: (message: ChatMessage) => ChatMessage) =>
    setState((s) => ({ ...s, messages: s.messages.map((m) => (m.id === id ? change(m) : m)) }));

  /** Stream events for one answer; `replacing`: the first text replaces what is shown. */
  const handlersFor = (answerId: string, replacing: boolean, onFailedSend?: (error: WireError) => void): StreamHandlers => {
    let fresh = replacing;
    let received = false;
    const ended = () => {
      stream.current = undefined;
      setState((s) => (s.streamingId === answerId ? { ...s, streamingId: null } : s));
    };
    return {
      onStarted: (jobId) => patchMessage(answerId, (m) => ({ ...m, jobId })),
      onSnapshot: (text) => {
        received = true;
        fresh = false;
        patchMessage(answerId, (m) => ({ ...m, content: text }));
      },
      onDelta: (text) => {
        received = true;
        const replace = fresh;
        fresh = false;
        patchMessage(answerId, (m) => ({ ...m, content: replace ? text : m.content + text }));
      },
      onUsage: (usage) => patchMessage(answerId, (m) => ({ ...m, usage })),
      onDone: () => {
        patchMessage(answerId, ({ jobId: _job, error: _error, ...m }) => ({ ...m, status: 'done' }));
        ended();
      },
      onError: (error) => {
        const status = error.code === 'aborted' ? 'stopped' : received ? 'interrupted' : 'error';
        patchMessage(answerId, ({ jobId: _job, ...m }) => ({ ...m, status, error: status === 'stopped' ? undefined : error }));
        if (!received) onFailedSend?.(error);
        ended();
      },
    };
  };

  const show = (conversation: Conversation | null) => {
    stream.current?.detach();
    stream.current = undefined;
    if (!conversation) {
      setState(emptyChat(defaultModel));
      return;
    }
    const last = conversation.messages.at(-1);
    const running = last?.role === 'assistant' && last.status === 'streaming' && last.jobId ? last : undefined;
    setState({
      conversationId: conversation.id,
      saved: true,
      title: conversation.title,
      model: conversation.model || defaultModel,
      messages: conversation.messages,
      streamingId: running?.id ?? null,
      loading: false,
      error: null,
    });
    // Still being written by the background: show the rest as it arrives.
    if (running) stream.current = attachStream(running.jobId!, handlersFor(running.id, true));
  };

  const load = (id: string | null) => {
    setState((s) => ({ ...s, loading: true }));
    sendMessage('chatGet', { id }).then(show, (error) => setState({ ...emptyChat(defaultModel), error: asWire(error) }));
  };

  useEffect(() => {
    load(null);
    // The answer runs on in the background; this page only stops listening.
    return () => stream.current?.detach();
  }, []);

  const startAnswer = (input: ChatInput, answerId: string, replacing: boolean, onFailedSend?: (error: WireError) => void) => {
    setState((s) => ({ ...s, streamingId: answerId }));
    stream.current = startStream('chat', input, handlersFor(answerId, replacing, onFailedSend));
  };

  const controls = useMemo<ChatControls>(
    () => ({
      setDraft,
      send() {
        const { state: current, draft: text } = latest.current;
        if (!text.trim() || current.streamingId || current.loading) return false;
        const messageId = newId();
        const answerId = newId();
        const now = Date.now();
        setState((s) => ({
          ...s,
          saved: true,
          title: s.title || titleFrom(text),
          messages: [
            ...s.messages,
            { id: messageId, role: 'user', content: text, status: 'done', createdAt: now },
            { id: answerId, role: 'assistant', content: '', status: 'streaming', createdAt: now, model: s.model },
          ],
        }));
        setDraft('');
        const input: ChatInput = { op: 'send', conversationId: current.conversationId, messageId, answerId, text, model: current.model };
        startAnswer(input, answerId, false, (error) => {
          if (NOT_STORED.has(error.code)) setDraft((typed) => typed || text);
        });
        return true;
      },
      stop() {
        stream.current?.stop();
      },
      regenerate(answerId) {
        const current = latest.current.state;
        if (current.streamingId) return;
        patchMessage(answerId, ({ error: _error, usage: _usage, ...m }) => ({ ...m, status: 'streaming', model: current.model }));
        startAnswer({ op: 'regenerate', conversationId: current.conversationId, answerId }, answerId, true);
      },
      overrideBudget(answerId) {
        sendMessage('overrideBudget', null).then(
          () => controls.regenerate(answerId),
          (error) => patchMessage(answerId, (m) => ({ ...m, error: asWire(error) })),
        );
      },
      newChat() {
        void sendMessage('chatSetCurrent', { id: null }).catch(() => {});
        show(null);
        setDraft('');
      },
      setModel(model) {
        const trimmed = model.trim();
        const current = latest.current.state;
        if (!trimmed || trimmed === current.model) return;
        setState((s) => ({ ...s, model: trimmed }));
        if (current.saved) {
          sendMessage('chatSetModel', { id: current.conversationId, model: trimmed }).catch((error) =>
            setState((s) => ({ ...s, error: asWire(error) })),
          );
        }
      },
      open(id) {
        if (id) void sendMessage('chatSetCurrent', { id }).catch(() => {});
        load(id);
      },
    }),
    [],
  );

  return { state, draft, controls };
}
