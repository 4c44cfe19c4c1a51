import type { WireError } from '@/utils/errors';
import type { UsageReport } from '@/utils/llm/usage-report';

/**
 * The chat's data as it is stored (by the background, in IndexedDB) and as it crosses to pages.
 * Everything here is JSON-serializable.
 */

/** Where an answer stands. User messages are always `done`. */
export type MessageStatus =
  /** Still arriving (or, after a worker restart, about to be found interrupted). */
  | 'streaming'
  | 'done'
  /** The user pressed Stop: the text that arrived is kept. */
  | 'stopped'
  /** The connection or the background died mid-answer: the text that arrived is kept. */
  | 'interrupted'
  /** Failed before any text arrived (no key, budget, rate limit...). */
  | 'error';

/** One message of a conversation. */
export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  status: MessageStatus;
  /** Epoch ms. */
  createdAt: number;
  /** The model that answered (assistant messages). */
  model?: string;
  /** Tokens and cost of the answer, once known. */
  usage?: UsageReport;
  /** The model's reasoning, kept only when the user chose to see it (settings). */
  reasoning?: string;
  /** Why an answer ended early (interrupted, error). */
  error?: WireError;
  /** When the answer ended (epoch ms): a failure from before the connection was last saved can be resent. */
  endedAt?: number;
  /** The background job streaming this answer, while `streaming`. */
  jobId?: string;
}

/** A conversation without its messages: what the history list shows. */
export interface ConversationSummary {
  id: string;
  title: string;
  /** The model this conversation uses (switchable per conversation). */
  model: string;
  createdAt: number;
  updatedAt: number;
  messageCount: number;
}

/** A whole conversation, messages oldest first. */
export interface Conversation extends ConversationSummary {
  messages: ChatMessage[];
}

/** What the next request carries, in tokens: the new message and the history resent with it. */
export interface ChatRequestSize {
  /** Prompt tokens of the request: system prompt, the history that fits, and the new message. */
  promptTokens: number;
  /** Tokens of the new message alone. */
  messageTokens: number;
  /** Earlier messages resent with it, out of how many there are. */
  historyIncluded: number;
  historyTotal: number;
  historyTokens: number;
  /** Most prompt tokens the model reads (its context window less room for the answer). */
  inputLimit: number;
  /** False when the new message cannot be sent at all (over the model's limit). */
  fits: boolean;
}

/** The cost of the next request, shown in the composer before it is sent. */
export interface ChatEstimate extends ChatRequestSize {
  model: string;
  /** True when counted with the model's own tokenizer (OpenAI models); otherwise an estimate. */
  exact: boolean;
  /** USD of the prompt at the current prices (the answer comes on top); null without a price. */
  costUsd: number | null;
}

/** Longest message a person can send, in characters (the model's limit usually bites first). */
export const MAX_MESSAGE_CHARS = 1_500_000;
/** Longest conversation title, in characters. */
export const MAX_TITLE_CHARS = 200;

/**
 * What a chat stream does. Ids of new messages come from the page, so that what it shows while
 * the answer streams and what the background stores are the same messages.
 */
export type ChatInput =
  | {
      op: 'send';
      /** An existing conversation, or a new one created with this id. */
      conversationId: string;
      messageId: string;
      answerId: string;
      text: string;
      /** The model to answer with (a new conversation keeps it). */
      model: string;
    }
  | {
      /** Answers the question before `answerId` again (Regenerate, Retry); the last answer only. */
      op: 'regenerate';
      conversationId: string;
      answerId: string;
    };
