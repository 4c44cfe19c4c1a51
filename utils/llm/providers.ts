/** How a provider wants the key sent. */
export type AuthStyle = 'bearer' | 'api-key-header' | 'optional-bearer';

/** What Glance knows about an OpenAI-compatible provider. */
export interface ProviderPreset {
  /** Default base URL; empty where the user must type one. */
  baseURL: string;
  /** A model that exists there and is cheap enough for everyday use. */
  model: string;
  auth: AuthStyle;
  /**
   * The output limit parameter it understands. OpenAI's own API (and Azure, OpenRouter) take
   * `max_completion_tokens`; most compatible providers only know the older `max_tokens`.
   */
  limitParam: 'max_completion_tokens' | 'max_tokens';
  /** Where to get a key, shown next to the key field. */
  keyPage?: string;
}

const PRESETS = {
  openai: {
    baseURL: 'https://api.openai.com/v1',
    model: 'gpt-4o-mini',
    auth: 'bearer',
    limitParam: 'max_completion_tokens',
    keyPage: 'https://platform.openai.com/api-keys',
  },
  custom: { baseURL: '', model: '', auth: 'bearer', limitParam: 'max_tokens' },
  deepseek: {
    baseURL: 'https://api.deepseek.com/v1',
    model: 'deepseek-chat',
    auth: 'bearer',
    limitParam: 'max_tokens',
    keyPage: 'https://platform.deepseek.com/api_keys',
  },
  moonshot: {
    baseURL: 'https://api.moonshot.cn/v1',
    model: 'moonshot-v1-8k',
    auth: 'bearer',
    limitParam: 'max_tokens',
    keyPage: 'https://platform.moonshot.cn/console/api-keys',
  },
  zhipu: {
    baseURL: 'https://open.bigmodel.cn/api/paas/v4',
    model: 'glm-4-flash',
    auth: 'bearer',
    limitParam: 'max_tokens',
    keyPage: 'https://open.bigmodel.cn/usercenter/apikeys',
  },
  dashscope: {
    baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    model: 'qwen-plus',
    auth: 'bearer',
    limitParam: 'max_tokens',
    keyPage: 'https://bailian.console.aliyun.com/?apiKey=1',
  },
  siliconflow: {
    baseURL: 'https://api.siliconflow.cn/v1',
    model: 'Qwen/Qwen2.5-7B-Instruct',
    auth: 'bearer',
    limitParam: 'max_tokens',
    keyPage: 'https://cloud.siliconflow.cn/account/ak',
  },
  openrouter: {
    baseURL: 'https://openrouter.ai/api/v1',
    model: 'openai/gpt-4o-mini',
    auth: 'bearer',
    limitParam: 'max_completion_tokens',
    keyPage: 'https://openrouter.ai/keys',
  },
  ollama: {
    baseURL: 'http://localhost:11434/v1',
    model: 'llama3.2',
    auth: 'optional-bearer',
    limitParam: 'max_tokens',
  },
  azure: {
    baseURL: '',
    model: '',
    auth: 'api-key-header',
    limitParam: 'max_completion_tokens',
  },
} satisfies Record<string, ProviderPreset>;

export type ProviderId = keyof typeof PRESETS;

/** Every provider Glance has a preset for, by id. */
export const PROVIDERS: Record<ProviderId, ProviderPreset> = PRESETS;

/** Provider ids in the order the settings list them. */
export const PROVIDER_IDS = Object.keys(PROVIDERS) as ProviderId[];

/** Whether a string names a known provider. */
export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && Object.hasOwn(PROVIDERS, value);
}

/** Whether a provider can be used without a key. */
export function keyRequired(provider: ProviderId): boolean {
  return PROVIDERS[provider].auth !== 'optional-bearer';
}

/**
 * Reasoning models (o1/o3/o4, gpt-5) reject `temperature` and `max_tokens`: they take only
 * `max_completion_tokens`, which also bounds their hidden reasoning.
 */
export function isReasoningModel(model: string): boolean {
  const name = model.toLowerCase().split('/').pop() ?? '';
  return /^(o\d|gpt-5)(?!.*-chat)/.test(name);
}
