import { browser } from 'wxt/browser';
import { storageItem } from '@/utils/storage-item';
import type { LocalePreference } from './i18n';
import type { PriceOverrides } from '@/utils/llm/pricing';
import { isProviderId, PROVIDERS, type ProviderId } from '@/utils/llm/providers';

/**
 * Every stored preference, with its default. Nothing secret lives here: the API key is kept
 * by the background in the extension's IndexedDB (see utils/llm/background/secret-store.ts).
 */
export const DEFAULT_SETTINGS = {
  provider: 'openai' as ProviderId,
  /** As the user typed it; resolved with `resolveBaseURL` before use. */
  baseURL: PROVIDERS.openai.baseURL,
  model: PROVIDERS.openai.model as string,
  uiLanguage: 'auto' as LocalePreference,
  /** Language of answers (translation has its own pair below); `auto` follows the interface language. */
  targetLanguage: 'auto' as string,
  /** Where text already in `translateInto` (Chinese by default) is translated to. */
  secondLanguage: 'en' as string,

  // Chat
  /** Sent first in every chat; empty sends none. */
  chatSystemPrompt:
    'You are a helpful assistant. Answer concisely, in the language of the question, using Markdown where it helps.',
  /** Most tokens of earlier messages a follow-up resends: what each turn costs stays bounded. */
  chatHistoryBudget: 8000,

  // Summarize
  /** Language summaries are written in; `auto` follows the interface language. */
  summaryLanguage: 'auto' as string,
  /** Show the estimate and ask first when a summary would cost more than this, in USD. */
  summaryConfirmAboveUsd: 0.05,
  /** Most page tokens one request carries; 0 = as many as the model reads. */
  summaryMaxInput: 0,
  /** Parts of a long page summarized at the same time. */
  summaryConcurrency: 4,

  // Ask about the page (side panel)
  /** Most page tokens sent with a question, whatever the model's window: a longer page sends the passages that match. */
  askPageBudget: 6000,
  /** The side panel follows the active tab instead of staying with the tab it was opened for. */
  sidePanelFollowsTab: false,
  /** The toolbar icon opens the side panel instead of the popup (Chrome). */
  sidePanelOnToolbar: false,

  // Voice input
  /** Model for dictation; empty: gpt-4o-mini-transcribe, or whisper-1 where the endpoint lists no other. */
  transcriptionModel: '' as string,
  /** Language hint sent with dictation: the interface language ('ui'), or none ('auto': the model detects it). */
  transcriptionLanguage: 'ui' as 'ui' | 'auto',

  // Translate
  /** Show the Translate button by selections, on every site Glance may read (see selection-script.ts). */
  translateButton: true,
  /** Sites (host names, subdomains included) where the button is off: nothing is injected there. */
  translateOffSites: [] as string[],
  /** Where translations go, except for text already in this language (that goes to `secondLanguage`). */
  translateInto: 'zh-CN' as string,
  /** The longest text translated at once, in characters; longer selections get a message instead. */
  translateMaxChars: 50_000,

  // Page translation
  /** Tokens (sent and received) one page may use before its translation stops. */
  pageTranslateCap: 100_000,
  /** Skip navigation-sized fragments (menus, footers) when translating a page. */
  pageTranslateMainOnly: true,
  /** Sites (host names, subdomains included) translated on every visit, and sites never translated by themselves. */
  pageTranslateAlwaysSites: [] as string[],
  pageTranslateNeverSites: [] as string[],

  // Cost
  /** The user's own prices, by model id, over the defaults in utils/llm/pricing.ts. */
  priceOverrides: {} as PriceOverrides,
  /** Yuan per dollar for showing costs in CNY too; 0 shows USD only. */
  cnyPerUsd: 0,
  /**
   * Longest time one answer may take, in minutes, however steadily it streams: a provider that
   * only sends keep-alive chunks is stopped here. Reasoning models may think for several minutes.
   */
  answerDeadlineMinutes: 10,
  /** Keep a reasoning model's reasoning with the chat answer, folded and labelled under it. */
  showReasoning: false,

  /** Spending limits in USD; 0 means no limit. */
  dailyBudgetUsd: 0,
  monthlyBudgetUsd: 0,
};

export type Settings = typeof DEFAULT_SETTINGS;

const CURRENT_VERSION = 1;

/**
 * Version history. Each entry turns the previous version's stored value into the next; the value
 * is then passed through `sanitizeSettings`, so adding a field with a default needs no migration.
 */
export const SETTINGS_MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

export const settingsItem = storageItem<Record<string, unknown>>('local:settings', {
  fallback: {},
  version: CURRENT_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

/**
 * Fills defaults and drops values of the wrong type, so a damaged or older stored object
 * never reaches the rest of the code.
 */
export function sanitizeSettings(raw: unknown): Settings {
  const stored = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const result = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const value = stored[key];
    const fallback: unknown = DEFAULT_SETTINGS[key];
    const fits = Array.isArray(fallback) ? Array.isArray(value) : typeof value === typeof fallback && !isWrongObject(value);
    if (fits) {
      (result as Record<string, unknown>)[key] = value;
    }
  }
  if (!isProviderId(result.provider)) result.provider = DEFAULT_SETTINGS.provider;
  if (!['auto', 'en', 'zh-CN'].includes(result.uiLanguage)) result.uiLanguage = 'auto';
  // Summarize: numbers within what makes sense.
  result.summaryConcurrency = clampInteger(result.summaryConcurrency, 1, 8, DEFAULT_SETTINGS.summaryConcurrency);
  result.summaryMaxInput = clampInteger(result.summaryMaxInput, 0, 2_000_000, 0);
  if (!(result.summaryConfirmAboveUsd >= 0)) result.summaryConfirmAboveUsd = DEFAULT_SETTINGS.summaryConfirmAboveUsd;
  result.translateOffSites = result.translateOffSites.filter((site) => typeof site === 'string');
  result.answerDeadlineMinutes = clampInteger(result.answerDeadlineMinutes, 1, 120, DEFAULT_SETTINGS.answerDeadlineMinutes);
  result.askPageBudget = clampInteger(result.askPageBudget, 500, 200_000, DEFAULT_SETTINGS.askPageBudget);
  result.pageTranslateAlwaysSites = result.pageTranslateAlwaysSites.filter((site) => typeof site === 'string');
  result.pageTranslateNeverSites = result.pageTranslateNeverSites.filter((site) => typeof site === 'string');
  result.pageTranslateCap = clampInteger(result.pageTranslateCap, 1000, 10_000_000, DEFAULT_SETTINGS.pageTranslateCap);
  if (result.transcriptionLanguage !== 'auto') result.transcriptionLanguage = 'ui';
  if (!(result.translateMaxChars > 0)) result.translateMaxChars = DEFAULT_SETTINGS.translateMaxChars;
  return result;
}

function clampInteger(value: number, min: number, max: number, fallback: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

// typeof says "object" for null and arrays too; only plain objects are valid object settings.
function isWrongObject(value: unknown): boolean {
  return typeof value === 'object' && (value === null || Array.isArray(value));
}

/** Reads all settings. */
export async function getSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

/** Changes some settings, keeping the others. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = sanitizeSettings({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

/** Calls `callback` with the new settings whenever they change. Returns the unsubscribe function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(sanitizeSettings(value)));
}

/**
 * Until when (epoch ms) the user chose to spend past their budget ("Spend anyway"). Kept in
 * session storage: it ends with the browser session at the latest.
 */
export const budgetOverrideItem = storageItem<number>('session:budgetOverrideUntil', { fallback: 0 });

/** The popup's Translate box text, kept for the browser session: closing the popup loses nothing. */
export const translateDraftItem = storageItem<string>('session:translateDraft', { fallback: '' });

/**
 * Makes `storage.local` unreadable from content scripts (Chromium). Content scripts then get the
 * few settings they need by message. Firefox has no such switch; nothing secret is stored there.
 */
export async function restrictStorageToTrustedContexts(): Promise<void> {
  const local = browser.storage.local as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}

/**
 * The selection actions (explain, rewrite, the user's own prompts...), as utils/actions/action-list.ts
 * reads them: null until the user first changes them (the built-ins). Nothing secret in them.
 */
export const actionsItem = storageItem<unknown>('local:actions', { fallback: null, version: 1 });

/**
 * Whether the current provider has a key saved (or needs none): the popup shows "Connect your API
 * key" instead of the composer, and the toolbar icon a badge, while it is false. Written only by
 * the background (utils/setup/background/state.ts) at each worker start and whenever the key or
 * the provider changes. True until first written, so an update never flashes the card at someone
 * whose key works; a new install writes false before any page opens.
 */
export const connectionReadyItem = storageItem<boolean>('local:connectionReady', { fallback: true });

/**
 * When (`at`, epoch ms) the connection was last saved: a key stored, or the provider, base URL or
 * model changed (`connection` is what they were then, to notice a change made while the worker
 * slept). A chat answer that failed for want of a working connection before then is offered again
 * ("Resend"). Written only by the background (utils/setup/background/state.ts); 0 = never.
 */
export const connectionSavedItem = storageItem<{ at: number; connection: string }>('local:connectionSaved', {
  fallback: { at: 0, connection: '' },
});
