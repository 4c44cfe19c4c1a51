import OpenAI from 'openai';
import { browser } from 'wxt/browser';
import { resolveBaseURL, originPattern } from '@/utils/llm/endpoint';
import { AppError } from '@/utils/errors';
import type { ConnectionDraft } from '@/utils/llm/connection';
import { keyRequired, PROVIDERS, type ProviderId } from '@/utils/llm/providers';
import type { Settings } from '@/utils/settings';
import { withWrappedErrorBodies } from './error-body-fetch';
import { cleanKey, getApiKey } from './secret-store';

/** Everything needed to call one endpoint. Lives only in the background. */
export interface Connection {
  provider: ProviderId;
  baseURL: string;
  origin: string;
  host: string;
  model: string;
  apiKey: string;
}

/** Dependencies the background can swap in tests (a fake `fetch`). */
export interface ClientDeps {
  fetch?: typeof fetch;
}

/**
 * Resolves the connection for saved settings, or for a draft from the settings form (whose
 * newly typed key, if any, is used instead of the stored one). Checks that a key is there and
 * that the browser lets us reach the host, so both failures get their own clear message.
 */
export async function resolveConnection(settings: Settings, draft?: ConnectionDraft): Promise<Connection> {
  const provider = draft?.provider ?? settings.provider;
  const endpoint = resolveBaseURL(draft?.baseURL ?? settings.baseURL);
  const model = (draft?.model ?? settings.model).trim();
  const typedKey = draft?.apiKey ? cleanKey(draft.apiKey) : '';
  const apiKey = typedKey || (await getApiKey(provider));
  if (!apiKey && keyRequired(provider)) throw new AppError('missing_key');
  if (!(await hasHostAccess(endpoint.origin))) throw new AppError('cors', { params: { host: endpoint.host } });
  return { provider, baseURL: endpoint.baseURL, origin: endpoint.origin, host: endpoint.host, model, apiKey };
}

/** Whether the extension may send requests to an origin (granted in the manifest or at runtime). */
export async function hasHostAccess(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}

/** An SDK client for the connection. Retries are ours (see chat-completion.ts), so the SDK's are off. */
export function createClient(connection: Connection, deps: ClientDeps = {}): OpenAI {
  const auth = PROVIDERS[connection.provider].auth;
  const headerKey = auth === 'api-key-header';
  return new OpenAI({
    apiKey: headerKey ? 'unused' : connection.apiKey || 'no-key',
    baseURL: connection.baseURL,
    // Azure takes the key in its own header and must not receive it as a bearer token too.
    defaultHeaders: headerKey ? { 'api-key': connection.apiKey, Authorization: null } : undefined,
    // Extension pages and Firefox's background page have a `window`; the key never reaches a web page.
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
    timeout: 10 * 60_000,
    fetch: withWrappedErrorBodies(deps.fetch),
  });
}
