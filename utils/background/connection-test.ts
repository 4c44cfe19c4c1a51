import type OpenAI from 'openai';
import { buildChatBody } from '../chat-request';
import { AppError } from '../errors';
import type { TestResult } from '../protocol';
import { classifyHttpError, looksLikeHtml, toApiAppError } from './api-errors';
import { streamChatCompletion } from './chat-completion';
import type { Connection } from './client';

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
export async function testConnection(client: OpenAI, connection: Connection): Promise<TestResult> {
  if (!connection.model) throw new AppError('model_not_found', { params: { model: '' } });
  const models = await listModels(client, connection);
  const body = buildChatBody(
    { model: connection.model, turns: [{ role: 'user', content: 'Say OK.' }], maxOutputTokens: 1 },
    connection.provider,
  );
  const started = performance.now();
  const result = await streamChatCompletion(client, body, { host: connection.host, model: connection.model }, {
    signal: new AbortController().signal,
    onDelta: () => {},
    firstChunkTimeoutMs: CHAT_TIMEOUT_MS,
    idleTimeoutMs: CHAT_TIMEOUT_MS,
    retries: 0,
  });
  return {
    model: result.model || connection.model,
    roundTripMs: Math.round(performance.now() - started),
    models,
    reply: result.text,
  };
}
