import { resolveBaseURL } from '@/utils/llm/endpoint';
import { PROVIDERS } from '@/utils/llm/providers';
import { updateSettings } from '@/utils/settings';
import { getApiKey, setApiKey } from '@/utils/llm/background/secret-store';

/** Filled in only by development builds started with OPENAI_API_KEY set (see wxt.config.ts). */
declare const __GLANCE_DEV_PRESET__: { apiKey: string; baseURL?: string; model?: string } | null;

/**
 * Configures a development build from the developer's environment on install, so `npm start`
 * opens a Glance that already works. Production builds compile this to nothing.
 */
export async function applyDevPreset(): Promise<void> {
  const preset = __GLANCE_DEV_PRESET__;
  if (!preset) return;
  const baseURL = preset.baseURL ? resolveBaseURL(preset.baseURL).baseURL : PROVIDERS.openai.baseURL;
  const provider = baseURL === PROVIDERS.openai.baseURL ? 'openai' : 'custom';
  if (await getApiKey(provider)) return;
  await setApiKey(provider, preset.apiKey);
  await updateSettings({ provider, baseURL, model: preset.model ?? PROVIDERS.openai.model });
}
