import { done, PAGES_ONLY, type HandlerMap } from '@/utils/background/handler';
import { asObject, asOneOf, asOptionalString, asString, noPayload } from '@/utils/background/validate';
import type { ConnectionDraft } from '@/utils/llm/connection';
import { PROVIDER_IDS, type ProviderId } from '@/utils/llm/providers';
import { overrideBudget } from './budget';
import { createClient, resolveConnection } from './client';
import { getApiKey, keyHint, setApiKey } from './secret-store';
import { markConnectionSaved, refreshConnectionState } from '@/utils/setup/background/state';

/** Testing a connection and listing its models: the settings' and the welcome page's, loaded on first use. */
const connectionTest = () => import('./connection-test');

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

type ConnectionMessageName = 'getKeyStatus' | 'saveApiKey' | 'listModels' | 'testConnection' | 'overrideBudget';

/**
 * The connection's messages (key, models, Test connection) and "Spend anyway". No handler ever
 * returns the key itself; only the settings page may store one.
 */
export const connectionHandlers: Pick<HandlerMap, ConnectionMessageName> = {
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
    handle: async ({ provider, apiKey }, { settings }) => {
      await setApiKey(provider, apiKey);
      // A key saved (or removed) clears (or sets) the toolbar badge and the popup's connect card.
      await refreshConnectionState();
      // A new key may fix a chat answer that failed: the chat then offers to resend its question.
      if (apiKey) await markConnectionSaved(settings);
      return keyStatus(provider);
    },
  },
  listModels: {
    allowedFrom: PAGES_ONLY,
    parse: parseDraft,
    handle: async (draft, { settings, deps }) => {
      const connection = await resolveConnection(settings, draft);
      return { models: await (await connectionTest()).listModels(createClient(connection, deps), connection) };
    },
  },
  testConnection: {
    allowedFrom: PAGES_ONLY,
    parse: parseDraft,
    handle: async (draft, { settings, locale, deps }) => {
      const connection = await resolveConnection(settings, draft);
      return (await connectionTest()).testConnection(connection, { settings, locale, deps });
    },
  },
  overrideBudget: {
    // A click in Glance's own pages only: a page that reached the card (or a compromised content
    // script) must not be able to switch the budgets off. The card offers to open Glance instead.
    allowedFrom: PAGES_ONLY,
    parse: noPayload,
    handle: () => done(overrideBudget()),
  },
};
