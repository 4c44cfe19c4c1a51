import type { Locale } from '@/utils/i18n';
import type { MessageName, RequestOf, ResponseOf } from '@/utils/protocol';
import type { ConnectionDraft } from '@/utils/llm/connection';
import { PROVIDER_IDS, type ProviderId } from '@/utils/llm/providers';
import type { Settings } from '@/utils/settings';
import { overrideBudget } from '@/utils/llm/background/budget';
import { createClient, resolveConnection, type ClientDeps } from '@/utils/llm/background/client';
import { listModels, testConnection } from '@/utils/llm/background/connection-test';
import { inspectPage } from '@/utils/summary/background/inspect-page';
import { getApiKey, keyHint, setApiKey } from '@/utils/llm/background/secret-store';
import { usageHandlers } from '@/utils/usage/background/handlers';
import { translateHandlers } from '@/utils/translate/background/handlers';
import type { SenderKind } from '@/utils/background/sender';
import { chatHandlers } from '@/utils/chat/background/handlers';
import { asObject, asOneOf, asOptionalString, asString, asTabId, noPayload } from '@/utils/background/validate';

/** What every handler gets besides its request. */
export interface HandlerContext {
  sender: SenderKind;
  /** For content scripts: the tab and frame the message came from. */
  tab?: { id: number; frameId: number };
  settings: Settings;
  locale: Locale;
  deps: ClientDeps;
}

/** One message's handler: who may send it, how its payload is checked, what it does. */
export interface Handler<N extends MessageName> {
  allowedFrom: readonly SenderKind[];
  /** Largest request accepted, in bytes of JSON (default `LIMITS.message`). */
  maxBytes?: number;
  parse(data: unknown): RequestOf<N>;
  handle(request: RequestOf<N>, context: HandlerContext): Promise<ResponseOf<N>>;
}

export type HandlerMap = { [N in MessageName]: Handler<N> };

const PAGES_ONLY = ['extension-page'] as const;

function parseProvider(value: unknown): ProviderId {
  return asOneOf(value, PROVIDER_IDS, 'provider');
}

function parseDraft(data: unknown): ConnectionDraft {
  const value = asObject(data);
  return {
    provider: parseProvider(value.provider),
    baseURL: asString(value.baseURL, 'baseURL', 2048),
    model: asString(value.model, 'model', 200),
    apiKey: asOptionalString(value.apiKey, 'apiKey', 1024),
  };
}

async function keyStatus(provider: ProviderId) {
  const key = await getApiKey(provider);
  return { hasKey: key.length > 0, hint: keyHint(key) };
}

/**
 * Every one-shot message, by name. Content scripts may only read page settings (nothing secret)
 * and press "Spend anyway"; no handler ever returns the key itself.
 */
export const handlers: HandlerMap = {
  getPageSettings: {
    allowedFrom: ['extension-page', 'content-script'],
    parse: noPayload,
    handle: async (_request, { settings }) => ({
      uiLanguage: settings.uiLanguage,
      targetLanguage: settings.targetLanguage,
      secondLanguage: settings.secondLanguage,
      translateButton: settings.translateButton,
      translateOffSites: settings.translateOffSites,
      translateInto: settings.translateInto,
      translateMaxChars: settings.translateMaxChars,
      cnyPerUsd: settings.cnyPerUsd,
    }),
  },
  ...translateHandlers,
  getKeyStatus: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => ({ provider: parseProvider(asObject(data).provider) }),
    handle: async ({ provider }) => keyStatus(provider),
  },
  saveApiKey: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => {
      const value = asObject(data);
      return { provider: parseProvider(value.provider), apiKey: asString(value.apiKey, 'apiKey', 1024) };
    },
    handle: async ({ provider, apiKey }) => {
      await setApiKey(provider, apiKey);
      return keyStatus(provider);
    },
  },
  listModels: {
    allowedFrom: PAGES_ONLY,
    parse: parseDraft,
    handle: async (draft, { settings, deps }) => {
      const connection = await resolveConnection(settings, draft);
      return { models: await listModels(createClient(connection, deps), connection) };
    },
  },
  testConnection: {
    allowedFrom: PAGES_ONLY,
    parse: parseDraft,
    handle: async (draft, { settings, locale, deps }) => {
      const connection = await resolveConnection(settings, draft);
      return testConnection(connection, { settings, locale, deps });
    },
  },
  inspectPage: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => ({ tabId: asTabId(asObject(data).tabId) }),
    handle: async ({ tabId }, { settings, locale }) => inspectPage(tabId, settings, locale),
  },
  ...usageHandlers,
  overrideBudget: {
    // The translation card, a content script, shows the budget notice too.
    allowedFrom: ['extension-page', 'content-script'],
    parse: noPayload,
    handle: async () => {
      await overrideBudget();
      return null;
    },
  },
  ...chatHandlers,
};

