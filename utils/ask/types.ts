import type { WireError } from '@/utils/errors';
import type { UsageReport } from '@/utils/llm/usage-report';

/** A block sent with a question, kept with the answer so that its citation can find it again. */
export interface AskPassage {
  n: number;
  /** The block's words as the page shows them. */
  text: string;
  /** Which occurrence of this text on the page it is (0: the first), for repeated text. */
  nth: number;
  /** The end of the block before it, letters and digits only: tells repeated text apart on the page. */
  before?: string;
}

/** One question about a page and its answer. */
export interface PageTurn {
  id: string;
  question: string;
  /** The selected text the question was about, if any. */
  selection?: string;
  answer: string;
  status: 'done' | 'stopped' | 'error';
  /** Numbers of the blocks sent, in page order; only these can be cited. */
  sent: number[];
  /** How many blocks the page had. */
  total: number;
  /** Page tokens sent. */
  tokens: number;
  /** The sent blocks' text (what export quotes and citations look for). */
  passages: AskPassage[];
  usage?: UsageReport;
  error?: WireError;
  createdAt: number;
}

/** Every question asked about one page (by its address without #fragment). */
export interface PageConversation {
  url: string;
  title: string;
  turns: PageTurn[];
  updatedAt: number;
  /**
   * When "New chat" was pressed (epoch ms): earlier turns stay stored (history, export) but the
   * panel starts empty and does not resend them.
   */
  newChatAt?: number;
}

/** The turns of the current chat about a page: those after its last "New chat". */
export function currentTurns(conversation: PageConversation | null): PageTurn[] {
  const since = conversation?.newChatAt ?? 0;
  return (conversation?.turns ?? []).filter((turn) => turn.createdAt > since);
}

/** What asking `question` now would send, and its cost, before anything is sent. */
export interface AskPlanView {
  url: string;
  title: string;
  /** Blocks sent, out of the page's total. */
  sentCount: number;
  total: number;
  /** Page tokens sent. */
  pageTokens: number;
  /** Prompt tokens of the whole request (instructions, page, history, question). */
  promptTokens: number;
  inputLimit: number;
  exact: boolean;
  model: string;
  /** USD of the prompt; null without a price. */
  costUsd: number | null;
  /** The start of the text selected on the page, which the question will be about (empty: none). */
  selection: string;
  /** Over the user's confirmation threshold: the panel asks first ("Ask anyway"). */
  needsConfirm: boolean;
}

/** Input of the `askPageCited` action. */
export interface AskCitedInput {
  tabId: number;
  question: string;
  selection?: string;
  /** The id the page gives the new turn (what it shows while the answer streams). */
  turnId: string;
}

/** The page address conversations are kept under: without its #fragment, which names a place. */
export function conversationUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
