import type { ChatMessage, Conversation } from '@/utils/chat/types';
import type { WireError } from '@/utils/errors';
import { LiveText } from '@/utils/live-text';

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
  /**
   * Its text as it grows. Chunks go here, not into `messages`: a chunk then costs the answer's
   * own view an update, not a render of the page. `messages` gets the text when the answer ends.
   */
  live: LiveText | null;
  loading: boolean;
  /**
   * A failure not tied to one answer: the conversation could not be loaded, or a question was
   * refused before it was stored (its text is back in the composer; no bubble stays for it).
   */
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
  /** Loads the current conversation again (Retry after it failed to load). */
  reload(): void;
}

/** A new, unsaved conversation on `model`. */
export function emptyChat(model: string): ChatState {
  return {
    conversationId: crypto.randomUUID(),
    saved: false,
    title: '',
    model,
    messages: [],
    streamingId: null,
    live: null,
    loading: false,
    error: null,
  };
}

/**
 * A stored conversation as the chat shows it (an empty chat for none). An answer the background
 * is still writing gets a LiveText holding its text so far: `runningJob` names the job to attach to.
 */
export function shownChat(conversation: Conversation | null, model: string): { state: ChatState; runningJob?: string } {
  if (!conversation) return { state: emptyChat(model) };
  const last = conversation.messages.at(-1);
  const running = last?.role === 'assistant' && last.status === 'streaming' && last.jobId ? last : undefined;
  const state: ChatState = {
    conversationId: conversation.id,
    saved: true,
    title: conversation.title,
    model: conversation.model || model,
    messages: conversation.messages,
    streamingId: running?.id ?? null,
    live: running ? new LiveText(running.content) : null,
    loading: false,
    error: null,
  };
  return { state, runningJob: running?.jobId };
}
