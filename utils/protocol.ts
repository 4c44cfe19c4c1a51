/**
 * Every message and stream event between Glance's contexts, in one place.
 *
 * One-shot requests go through `runtime.sendMessage` as an {@link Envelope} and get a
 * {@link Reply}. Work that streams (chat, summarize, translate...) runs over one `runtime.Port`
 * per request, named {@link STREAM_PORT}: the client sends {@link ClientEvent}s, the background
 * answers with {@link StreamEvent}s. Everything here is JSON-serializable.
 */
import type { AskCitedInput, AskPlanView, PageConversation } from '@/utils/ask/types';
import type { ChatEstimate, ChatInput, Conversation, ConversationSummary } from '@/utils/chat/types';
import type { ActionRunInput, PanelActionView, ToolbarAction } from '@/utils/actions/types';
import type { WireError } from '@/utils/errors';
import type { Locale } from '@/utils/i18n';
import type { ConnectionDraft, KeyStatus, TestResult } from '@/utils/llm/connection';
import type { ProviderId } from '@/utils/llm/providers';
import type { ChatTurn } from '@/utils/llm/request';
import type { UsageReport } from '@/utils/llm/usage-report';
import type { PageInspection, SummaryEstimate } from '@/utils/summary/types';
import type { PageCommand, PageStatus } from '@/utils/pagetranslate/types';
import type { PageSettings, TranslateInput } from '@/utils/translate/types';
import type { PageMedia, TranscribeEstimate, TranscribeInput } from '@/utils/transcribe/types';
import type { Segment } from '@/utils/transcribe/transcript/segments';
import type { Spending, UsageOverview } from '@/utils/usage/types';

// ---------------------------------------------------------------- one-shot messages

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
  /**
   * Reads the tab's page without sending anything to the model: its size, how it would be
   * summarized and at what estimated cost, the stored summary if there is one, and the running
   * summary job to attach to.
   */
  inspectPage: { request: { tabId: number; wholePage?: boolean }; response: PageInspection };

  // Ask about the page (side panel)
  /** What asking a question about the tab's page now would send (blocks, tokens) and cost. */
  askPlan: { request: { tabId: number; question: string; selection?: string }; response: AskPlanView };
  /** The stored conversation about a page (by its address), or null. */
  askGetConversation: { request: { url: string }; response: PageConversation | null };
  /** "New chat" about a page: its earlier questions stay stored (history, export), the panel starts empty. */
  askClearConversation: { request: { url: string }; response: null };
  /** Every page conversation with its quoted passages (export). */
  askExport: { request: null; response: PageConversation[] };
  /** Scrolls the tab to a cited block and highlights its text; `found: false` when it is gone. */
  askShowCitation: { request: { tabId: number; text: string; nth: number; before?: string }; response: { found: boolean } };

  // Translate
  /** From the selection button: the background loads the translation card into the sender's frame. */
  showTranslateCard: { request: null; response: null };
  /** From the translation card: opens Glance's settings (content scripts cannot). */
  openSettings: { request: { section?: 'translate' | 'usage' }; response: null };
  /**
   * From the popup's starters (Translate a selection, Explain): the text selected in the tab's
   * page ('' when none), with the page's title and address. Glance's own pages only.
   */
  readSelection: { request: { tabId: number }; response: { text: string; title: string; url: string } };

  // Selection actions
  /** The enabled actions as the selection toolbar draws them (after Translate), when it is drawn. */
  listActions: { request: null; response: { locale: Locale; actions: ToolbarAction[] } };
  /** From the selection button, once drawn: the background loads the toolbar's actions into the sender's frame. */
  showActionToolbar: { request: null; response: null };
  /** From the toolbar: the background loads the action card into the sender's frame. */
  showActionCard: { request: null; response: null };
  /**
   * From the toolbar, for an action that answers in the side panel: the background leaves the
   * filled request waiting for the sender tab's panel and opens it (or its page in a window).
   */
  openActionInPanel: { request: ActionRunInput; response: { shownIn: 'panel' | 'window' } };
  /** From the side panel of a tab: takes the action request waiting for it (once), or null. */
  takePanelAction: { request: { tabId: number }; response: PanelActionView | null };

  // Page translation
  /** From Glance's pages: starts, switches, stops or reads the translation of a tab's page. */
  pageTranslate: { request: { tabId: number; command: PageCommand }; response: PageStatus };
  /** From the starter registered for "Always translate" sites: translate the sender's page. */
  pageTranslateAuto: { request: null; response: null };

  // Transcribe audio and video (the transcribe page)
  /** What transcribing `seconds` of audio would cost with the model in use, and whether to ask first. */
  transcribeEstimate: { request: { seconds: number }; response: TranscribeEstimate };
  /** The tab's audio and video elements, with their caption tracks. */
  transcribeListMedia: { request: { tabId: number }; response: PageMedia[] };
  /** A media element's WebVTT captions as segments (free: no API call); [] when unreadable. */
  transcribeCaptions: { request: { tabId: number; mediaIndex: number; trackIndex: number }; response: Segment[] };
  /**
   * A caption track of the tab's YouTube-style player (its address from transcribeListMedia, on the
   * page's origin) as segments, fetched by the page: free. `auto`: speech recognition's rolling cues.
   */
  transcribePlayerCaptions: { request: { tabId: number; url: string; auto: boolean }; response: Segment[] };
  /** What summarizing a stored transcript would cost (parts, tokens, cost), and whether to ask first. */
  transcriptSummaryEstimate: { request: { jobId: string }; response: SummaryEstimate };
  /** Seeks a media element of the tab (a transcript's timestamp was clicked). */
  transcribeSeek: { request: { tabId: number; mediaIndex: number; seconds: number }; response: { found: boolean } };

  // Usage
  getUsage: { request: null; response: UsageOverview };
  /** Today's and this month's spending against the budgets (the popup's badge). */
  getSpending: { request: null; response: Spending };
  exportUsage: { request: null; response: { csv: string } };
  clearUsage: { request: null; response: null };
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

/** Action name → its input. */
export interface Actions {
  /** Sends a message in a conversation, or regenerates an answer; the background stores both. */
  chat: ChatInput;

  // Summarize
  /** Summarizes the tab's page (from the cache unless `regenerate`); kept when the view closes. */
  /** `wholePage`: the whole page even though something is selected (the view's choice). */
  summarize: { tabId: number; regenerate?: boolean; wholePage?: boolean };
  /** A follow-up question about the tab's page; `turns` is the thread so far, ending with the question. */
  askPage: { tabId: number; turns: ChatTurn[]; wholePage?: boolean };

  /** A question about the tab's page, answered with `[n]` citations of its blocks (side panel). */
  askPageCited: AskCitedInput;

  // Translate
  translate: TranslateInput;

  /** Runs a selection action (explain, rewrite, the user's own prompt...) on a selection. */
  runAction: ActionRunInput;
  /** The answer of an action request the side panel took (takePanelAction). */
  runPanelAction: { id: string; tabId: number };
  /** A batch of a page's paragraphs, from the page-translation script; cached ones cost nothing. */
  translatePage: TranslateInput;

  /** Transcribes a dictation the page stored in the extension's IndexedDB (voice input). */
  transcribe: TranscribeInput;
  /** Transcribes the pieces of a file the transcribe page cut and stored (IndexedDB); progress counts pieces. */
  transcribeFile: { jobId: string };
  /** Summarizes a stored transcript, citing its timestamps; the summary streams and is stored. */
  summarizeTranscript: { jobId: string };
}

export type ActionName = keyof Actions;
export type ActionInput<A extends ActionName> = Actions[A];

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
  /** `segment`: which segment of a segmented action (translate) the text belongs to. */
  | { type: 'delta'; text: string; segment?: string }
  | { type: 'progress'; done: number; total: number }
  /** A part of a long job finished (a section's notes in a map-reduce summary): shown before the answer. */
  | { type: 'part'; index: number; text: string }
  | { type: 'usage'; usage: UsageReport }
  | { type: 'done'; finishReason: string }
  | { type: 'error'; error: WireError };

/** Size limits for what arrives from other contexts, in bytes of JSON. */
export const LIMITS = {
  message: 64 * 1024,
  /** Stream starts carry page text; 150,000 tokens of text is about 2 MB of UTF-16. */
  streamStart: 4 * 1024 * 1024,
  /** One-shot messages that carry a whole chat message or an import batch. */
  largeMessage: 4 * 1024 * 1024,
};
