import type { MessageKey } from '@/utils/i18n-core';
import type { SiteRule } from './sites';
import type { WireError } from '@/utils/errors';

/** How a translated page shows: each paragraph and its translation, the translation alone, or the page as it was. */
export type PageMode = 'bilingual' | 'translation' | 'original';

/** What the popup, the context menu, the shortcut and the page indicator can ask of a page. */
export type PageCommand = 'start' | 'bilingual' | 'translation' | 'original' | 'stop' | 'resume' | 'status';

export const PAGE_COMMANDS: readonly PageCommand[] = [
  'start',
  'bilingual',
  'translation',
  'original',
  'stop',
  'resume',
  'status',
];

/** Paragraphs in one page-translation request, as a rule (the segment markers' limit, see utils/translate/chunks.ts). */
export const BATCH_PARAGRAPHS = 40;
/** At most this many, when the last few of a queue would otherwise go alone (see planBatch). */
export const MAX_BATCH_PARAGRAPHS = 48;

/** What the page script needs to start: chosen by the background from the settings. */
export interface PageTranslateConfig {
  /** The language translations go into; paragraphs already in it are skipped. */
  target: string;
  /** The user's translate-into language and second language (the selection translator's rule). */
  translateInto: string;
  secondLanguage: string;
  /** Tokens (sent and received) one page may spend before it stops. */
  maxTokens: number;
  /** Skip navigation-sized fragments (menus, footers, buttons' labels). */
  mainContentOnly: boolean;
  uiLanguage: 'en' | 'zh-CN';
  /** The message shown when the page reaches `maxTokens`, in the user's language. */
  capMessage: string;
  /**
   * The few interface strings the page script shows (PAGE_MESSAGES), in `uiLanguage`: it carries
   * no dictionary of its own, which keeps it small to load into a page.
   */
  messages: Partial<Record<MessageKey, string>>;
}

/** What the page script shows: its panel's title, buttons and state, and the errors it makes itself. */
export const PAGE_MESSAGES = [
  'pageTranslateTitle',
  'pageShowOriginal',
  'pageBilingual',
  'pageTranslationOnly',
  'pageStopTranslating',
  'pageTranslatePaused',
  'error_disconnected',
  'error_unknown',
] as const satisfies readonly MessageKey[];

/** Rough size of the page's paragraphs, for the popup's estimate before anything is sent. */
export interface PageEstimate {
  visibleTokens: number;
  totalTokens: number;
  paragraphs: number;
}

/** The page translation's state in one tab, as the popup shows it. */
export interface PageStatus {
  /** Whether the page script is translating (or holds translations) in this tab. */
  active: boolean;
  mode: PageMode;
  /** Paragraphs translated, and waiting or under way. */
  translated: number;
  pending: number;
  /** Tokens this page has used so far. */
  tokens: number;
  /** Why the queue stopped (budget, the page's token cap, an API error). */
  error?: WireError;
  estimate?: PageEstimate;
  /** The page's site and its rule (added by the background from the tab's address). */
  site?: string;
  rule?: SiteRule;
}
