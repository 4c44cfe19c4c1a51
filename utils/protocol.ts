/**
 * Every message and stream event between Glance's contexts, in one place.
 *
 * One-shot requests go through `runtime.sendMessage` as an {@link Envelope} and get a
 * {@link Reply}. Work that streams (chat, summarize, translate...) runs over one `runtime.Port`
 * per request, named {@link STREAM_PORT}: the client sends {@link ClientEvent}s, the background
 * answers with {@link StreamEvent}s. Everything here is JSON-serializable.
 */
import type { ChatEstimate, ChatInput, Conversation, ConversationSummary } from './chat-types';
import type { WireError } from './errors';
import type { LocalePreference } from './i18n';
import type { ProviderId } from './providers';

// ---------------------------------------------------------------- one-shot messages

/** A connection as the settings form holds it, possibly not saved yet. */
export interface ConnectionDraft {
  provider: ProviderId;
  baseURL: string;
  model: string;
  /** A newly typed key; omitted to use the stored one. Never sent back by the background. */
  apiKey?: string;
}

/** Whether a key is stored, and its last characters so the user can recognise it. */
export interface KeyStatus {
  hasKey: boolean;
  hint: string;
}

export interface TestResult {
  model: string;
  /** Round trip of the 1-token chat request, in ms. */
  roundTripMs: number;
  /** Models the endpoint lists (empty where it has no model list). */
  models: string[];
  /** The answer's first token, to show that the model really replied. */
  reply: string;
}

/** The settings content scripts may know; they cannot read storage themselves. */
export interface PageSettings {
  uiLanguage: LocalePreference;
  targetLanguage: string;
  secondLanguage: string;
}

/** Message name → request and response types. */
export interface Messages {
  getPageSettings: { request: null; response: PageSettings };
  getKeyStatus: { request: { provider: ProviderId }; response: KeyStatus };
  saveApiKey: { request: { provider: ProviderId; apiKey: string }; response: KeyStatus };
  listModels: { request: ConnectionDraft; response: { models: string[] } };
  testConnection: { request: ConnectionDraft; response: TestResult };
  /** "Spend anyway": lets calls past the budget for the next hour. */
  overrideBudget: { request: null; response: null };

  // Chat
  /** A conversation with its messages (`id` null: the current one); null when there is none. */
  chatGet: { request: { id: string | null }; response: Conversation | null };
  /**
   * The unsent text typed in a conversation (`id` as for chatGet; a new chat's is kept under
   * null), so that a popup closed by a click elsewhere loses nothing.
   */
  chatGetDraft: { request: { id: string | null }; response: { text: string } };
  chatSaveDraft: { request: { id: string | null; text: string }; response: null };
  /** Makes a conversation the one the popup opens with; null starts a new, empty chat. */
  chatSetCurrent: { request: { id: string | null }; response: null };
  /** Conversations, newest first; a query matches titles and message text. */
  chatList: { request: { query: string }; response: ConversationSummary[] };
  chatRename: { request: { id: string; title: string }; response: null };
  /** Switches the model a conversation uses from its next answer on. */
  chatSetModel: { request: { id: string; model: string }; response: null };
  chatDelete: { request: { id: string }; response: null };
  /** Whole conversations for export: the given ones, or all when `ids` is null. */
  chatExport: { request: { ids: string[] | null }; response: Conversation[] };
  /** Stores conversations from an export file (checked here); ones already stored are skipped. */
  chatImport: { request: { data: unknown }; response: { imported: number; skipped: number } };
  /** Tokens and cost of sending `text` next in a conversation (null: a new one), history included. */
  chatEstimate: { request: { conversationId: string | null; text: string; model: string }; response: ChatEstimate };

  // Summarize

  // Translate

  // Usage
}

export type MessageName = keyof Messages;
export type RequestOf<N extends MessageName> = Messages[N]['request'];
export type ResponseOf<N extends MessageName> = Messages[N]['response'];

/** Marks a message as Glance's, so stray messages from other code are ignored. */
export const PROTOCOL_TAG = 'glance/1';

export interface Envelope<N extends MessageName = MessageName> {
  protocol: typeof PROTOCOL_TAG;
  name: N;
  data: RequestOf<N>;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: WireError };

// ---------------------------------------------------------------- streams

export const STREAM_PORT = 'glance:stream';

/** A chat message as actions exchange it. */
export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Action name → its input. */
export interface Actions {
  /** Sends a message in a conversation, or regenerates an answer; the background stores both. */
  chat: ChatInput;

  // Summarize

  // Translate
}

export type ActionName = keyof Actions;
export type ActionInput<A extends ActionName> = Actions[A];

/** Token counts of one API call, as reported by the provider or, failing that, estimated. */
export interface UsageReport {
  model: string;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  reasoningTokens: number;
  /** True when the provider sent no usage and these are Glance's own counts. */
  estimated: boolean;
  /** USD at the current prices; null when the model has no price. */
  costUsd: number | null;
}

/** Client → background, over the port. */
export type ClientEvent =
  | { type: 'start'; action: ActionName; input: unknown }
  | { type: 'attach'; jobId: string }
  | { type: 'stop' };

/** Background → client, over the port. Text arrives as deltas, never as the whole text so far. */
export type StreamEvent =
  | { type: 'started'; jobId: string }
  /** Sent once on attach: the text produced before this port joined. */
  | { type: 'snapshot'; text: string }
  | { type: 'delta'; text: string }
  | { type: 'progress'; done: number; total: number }
  | { type: 'usage'; usage: UsageReport }
  | { type: 'done'; finishReason: string }
  | { type: 'error'; error: WireError };

/** Size limits for what arrives from other contexts, in bytes of JSON. */
export const LIMITS = {
  message: 64 * 1024,
  /** Stream starts carry page text; 150,000 tokens of text is about 2 MB of UTF-16. */
  streamStart: 4 * 1024 * 1024,
};
