/**
 * Helpers for tests that talk to the fake server: a per-file fixture, and plain-fetch requests.
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFakeServer } from './server';
import type { Connection } from '@/utils/llm/background/client';
import type { FakeServer, FakeServerOptions } from './types';

/** A minimal valid chat request body, with overrides. */
export function chatBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello there' }], ...overrides };
}

/** POSTs to /v1/chat/completions with the server's key (unless `headers` replaces authorization). */
export function postChat(
  server: FakeServer,
  body: Record<string, unknown> | string,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<Response> {
  return fetch(`${server.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal,
  });
}

/** The `data:` payloads of an SSE body, in order ('[DONE]' included). */
export function ssePayloads(text: string): string[] {
  return text
    .split('\n\n')
    .filter((event) => event.startsWith('data: '))
    .map((event) => event.slice('data: '.length));
}

/** The JSON chunks of an SSE body ('[DONE]' left out). */
export function sseChunks(text: string): Array<Record<string, unknown>> {
  return ssePayloads(text)
    .filter((payload) => payload !== '[DONE]')
    .map((payload) => JSON.parse(payload) as Record<string, unknown>);
}

/** The streamed text: every `choices[0].delta.content` joined. */
export function streamedText(chunks: Array<Record<string, unknown>>): string {
  return chunks.map((chunk) => (chunk.choices as Array<{ delta?: { content?: string } }>)[0]?.delta?.content ?? '').join('');
}

/** The fake server and an SDK client for it, as `useFakeServer` provides them. */
export interface FakeServerFixture {
  readonly server: FakeServer;
  /** An official SDK client with the server's key and SDK retries off. */
  readonly client: OpenAI;
}

/**
 * Starts a fake server for the current test file: reset before each test, closed after all.
 * Read `server` / `client` inside tests (they exist once `beforeAll` has run).
 */
export function useFakeServer(options?: FakeServerOptions): FakeServerFixture {
  let server: FakeServer | undefined;
  let client: OpenAI | undefined;
  beforeAll(async () => {
    server = await startFakeServer(options);
    client = new OpenAI({ apiKey: server.apiKey, baseURL: server.baseURL, maxRetries: 0 });
  });
  afterAll(() => server?.close());
  beforeEach(() => server?.reset());
  return {
    get server() {
      return server!;
    },
    get client() {
      return client!;
    },
  };
}

/** A connection to the fake server as the background resolves one (OpenAI provider, gpt-4o-mini), with overrides. */
export function serverConnection(server: FakeServer, overrides: Partial<Connection> = {}): Connection {
  const url = new URL(server.baseURL);
  return {
    provider: 'openai',
    baseURL: server.baseURL,
    origin: url.origin,
    host: url.host,
    model: 'gpt-4o-mini',
    apiKey: server.apiKey,
    ...overrides,
  };
}
