import type { WireError } from '@/utils/errors';
import { t } from '@/utils/i18n';
import { PROVIDERS, type ProviderId } from '@/utils/llm/providers';

/** Model ids that are not chat models (embeddings, speech, images, moderation). */
const NOT_CHAT = /embed|whisper|tts|dall-e|image|audio|realtime|moderation|transcribe|rerank|search/i;

/**
 * Pure: the model to test a relay with when the user typed none: the first listed model that
 * looks like a chat model, else the first one; undefined for an empty list.
 */
export function pickChatModel(models: readonly string[]): string | undefined {
  return models.find((model) => !NOT_CHAT.test(model)) ?? models[0];
}

/** Pure: whether the welcome page asks for a base URL (presets without one, and local Ollama). */
export function asksForBaseURL(provider: ProviderId): boolean {
  return !PROVIDERS[provider].baseURL || provider === 'ollama';
}

/** Pure: whether the welcome page asks for a model name (presets without a default model). */
export function asksForModel(provider: ProviderId): boolean {
  return !PROVIDERS[provider].model;
}

/**
 * A failed Test and save in words that name the next step on this page. The background's
 * messages already do for most codes (bad key: check and paste again; no credit: add credit;
 * network: check the base URL); the two that point elsewhere (the settings page) are replaced.
 */
export function welcomeErrorText(error: WireError, host: string): string {
  if (error.code === 'missing_key') return t('welcomeKeyMissing');
  if (error.code === 'cors') return t('welcomeAccessDenied', { host });
  return error.message;
}
