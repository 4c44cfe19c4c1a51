import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { LocalePreference } from './i18n';
import type { PriceOverrides } from './pricing';
import { isProviderId, PROVIDERS, type ProviderId } from './providers';

/**
 * Every stored preference, with its default. Nothing secret lives here: the API key is kept
 * by the background in the extension's IndexedDB (see utils/background/secret-store.ts).
 */
export const DEFAULT_SETTINGS = {
  provider: 'openai' as ProviderId,
  /** As the user typed it; resolved with `resolveBaseURL` before use. */
  baseURL: PROVIDERS.openai.baseURL,
  model: PROVIDERS.openai.model as string,
  uiLanguage: 'auto' as LocalePreference,
  /** Language of answers and translations; `auto` follows the interface language. */
  targetLanguage: 'auto' as string,
  /** Where Chinese text is translated to (everything else goes to Chinese). */
  secondLanguage: 'en' as string,

  // Chat
  /** Sent first in every chat; empty sends none. */
  chatSystemPrompt: 'You are a helpful assistant. Answer concisely, in the language of the question, using Markdown where it helps.',
  /** Most tokens of earlier messages a follow-up resends: what each turn costs stays bounded. */
  chatHistoryBudget: 8000,

  // Summarize

  // Translate

  // Cost
  /** The user's own prices, by model id, over the defaults in utils/pricing.ts. */
  priceOverrides: {} as PriceOverrides,
  /** Yuan per dollar for showing costs in CNY too; 0 shows USD only. */
  cnyPerUsd: 0,
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

export const settingsItem = storage.defineItem<Record<string, unknown>>('local:settings', {
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
    if (typeof value === typeof DEFAULT_SETTINGS[key] && !isWrongObject(value)) {
      (result as Record<string, unknown>)[key] = value;
    }
  }
  if (!isProviderId(result.provider)) result.provider = DEFAULT_SETTINGS.provider;
  if (!['auto', 'en', 'zh-CN'].includes(result.uiLanguage)) result.uiLanguage = 'auto';
  return result;
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
export const budgetOverrideItem = storage.defineItem<number>('session:budgetOverrideUntil', { fallback: 0 });

/**
 * Makes `storage.local` unreadable from content scripts (Chromium). Content scripts then get the
 * few settings they need by message. Firefox has no such switch; nothing secret is stored there.
 */
export async function restrictStorageToTrustedContexts(): Promise<void> {
  const local = browser.storage.local as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}
