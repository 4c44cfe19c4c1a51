import type OpenAI from 'openai';
import { AppError } from '@/utils/errors';
import type { TestResult } from '@/utils/llm/connection';
import { classifyHttpError, looksLikeHtml, toApiAppError } from './api-errors';
import { createClient, type Connection } from './client';
import { callModel, type ModelCallEnv } from './model-call';

const LIST_TIMEOUT_MS = 15_000;
const CHAT_TIMEOUT_MS = 30_000;

/**
 * Lists the endpoint's models. An endpoint without a model list (404) gives an empty list;
 * every other failure (bad key, HTML page, network) is thrown as the typed error.
 */
export async function listModels(client: OpenAI, connection: Connection): Promise<string[]> {
  const context = { host: connection.host, model: connection.model };
  let body: unknown;
  try {
    body = await client.get('/models', { timeout: LIST_TIMEOUT_MS });
  } catch (error) {
    const appError = toApiAppError(error, context);
    if (appError.code === 'endpoint_not_found') return [];
    throw appError;
  }
  if (typeof body === 'string') {
    throw looksLikeHtml(body)
      ? new AppError('html_response', { params: { host: connection.host } })
      : new AppError('bad_response', { params: { host: connection.host } });
  }
  const value = body as { data?: unknown; error?: Record<string, unknown> };
  if (value?.error && typeof value.error === 'object') throw classifyHttpError(400, value.error, undefined, context);
  if (!Array.isArray(value?.data)) throw new AppError('bad_response', { params: { host: connection.host } });
  const ids = value.data
    .map((item) => (item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined))
    .filter((id): id is string => typeof id === 'string');
  return [...new Set(ids)].sort((a, b) => a.localeCompare(b));
}

/**
 * "Test connection": lists the models, then asks the chosen model for one token, timing that
 * round trip. Any failure is thrown as the typed error the settings page explains.
 */
export async function testConnection(connection: Connection, env: Omit<ModelCallEnv, 'connection'>): Promise<TestResult> {
  if (!connection.model) throw new AppError('model_not_found', { params: { model: '' } });
  const models = await listModels(createClient(connection, env.deps), connection);
  const started = performance.now();
  const result = await callModel(
    {
      feature: 'test',
      spec: { model: connection.model, turns: [{ role: 'user', content: 'Say OK.' }], maxOutputTokens: 1 },
      signal: new AbortController().signal,
      options: { firstChunkTimeoutMs: CHAT_TIMEOUT_MS, idleTimeoutMs: CHAT_TIMEOUT_MS, retries: 0 },
    },
    { ...env, connection },
  );
  return {
    model: result.usage.model || connection.model,
    roundTripMs: Math.round(performance.now() - started),
    models,
    reply: result.text,
  };
}
