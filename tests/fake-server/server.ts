/**
 * The fake OpenAI-compatible server: real wire format, real error bodies, official request schema,
 * scripted answers. Listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { invalidApiKeyBody, invalidUrlBody, missingApiKeyBody, prettyJson } from './api-errors';
import { newRequestId } from './chat-chunks';
import { flattenHeaders, JSON_CONTENT_TYPE, readBody, sendBody } from './http-utils';
import { DEFAULT_MODELS, listModelsBody } from './models';
import { createRequestLog } from './request-log';
import { checkChatRequest, parseJsonBody } from './request-rules';
import { DEFAULT_TRANSCRIPT, playTranscript } from './transcription-answer';
import { checkTranscriptionRequest } from './transcription-rules';
import { playScenario } from './scenario-runner';
import { warmUpValidator } from './schema-validator';
import type { FakeServer, FakeServerOptions, RecordedRequest, Scenario, TextScenario, TranscriptionScenario } from './types';
import { contentText } from './usage';

/** The key the fake server accepts unless told otherwise. */
export const DEFAULT_API_KEY = 'sk-test-glance-0000000000000000';

/** The built-in answer: proves the request reached the model and carried the user's words. */
export function echoScenario(body: unknown, chunkIntervalMs?: number): TextScenario {
  const messages = (body as { messages?: Array<{ role?: unknown; content?: unknown }> }).messages ?? [];
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const words = Array.from(contentText(lastUser?.content)).slice(0, 40).join('');
  return { kind: 'text', text: `Echo: ${words}`, chunkIntervalMs };
}

const TRANSCRIPTION_ROUTE = 'POST /v1/audio/transcriptions';
const KNOWN_ROUTES = new Set(['GET /v1/models', 'POST /v1/chat/completions', TRANSCRIPTION_ROUTE]);

/** The key a request carries: `Authorization: Bearer <key>` or Azure's `api-key: <key>`. */
function keysOf(req: IncomingMessage): string[] {
  const keys: string[] = [];
  const bearer = /^Bearer\s+(.*)$/i.exec(req.headers.authorization ?? '');
  if (bearer?.[1].trim()) keys.push(bearer[1].trim());
  const azure = req.headers['api-key'];
  if (typeof azure === 'string' && azure.trim()) keys.push(azure.trim());
  return keys;
}

/** Answers a CORS preflight the way the real API does: anything from anywhere. */
function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
    'access-control-max-age': '7200',
    'content-length': '0',
  });
  res.end();
}

/** A streamed chunk that carries answer text (not the opening role chunk, whose content is empty). */
const FIRST_TEXT = /"delta":\{[^{}]*"content":"[^"]/;

/** Starts the server on 127.0.0.1 (a random port unless `options.port` is set). */
export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const models = [...(options.models ?? DEFAULT_MODELS)];
  const queue: Scenario[] = [];
  const transcriptionQueue: TranscriptionScenario[] = [];
  let fallback: Scenario | null = null;
  let modelsResponse: Scenario | null = null;
  const log = createRequestLog();
  const validationErrors: string[] = [];
  const sockets = new Set<Socket>();
  const connectionNumbers = new WeakMap<Socket, number>();
  let connections = 0;
  const closing = new AbortController();
  warmUpValidator();

  /** Aborted when this response closes (client gone or answer done) or the server shuts down. */
  function signalFor(res: ServerResponse): AbortSignal {
    const controller = new AbortController();
    const abort = () => controller.abort();
    closing.signal.addEventListener('abort', abort, { once: true });
    res.once('close', () => {
      closing.signal.removeEventListener('abort', abort);
      abort();
    });
    return controller.signal;
  }

  /** null when the request carries the configured key; else the 401 body to send. */
  function authFailure(req: IncomingMessage): string | null {
    const keys = keysOf(req);
    if (keys.includes(apiKey)) return null;
    return keys.length === 0 ? missingApiKeyBody() : invalidApiKeyBody(keys[0]);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('x-request-id', newRequestId());
    res.setHeader('openai-version', '2020-10-01');
    if (method === 'OPTIONS') return answerPreflight(req, res);

    const bytes = await readBody(req);
    const rawBody = bytes.toString('utf8');
    const parsed = parseJsonBody(rawBody);
    const request: RecordedRequest = {
      method,
      path,
      headers: flattenHeaders(req),
      body: parsed.ok ? parsed.body : undefined,
      rawBody,
      receivedAt,
      connection: connectionNumbers.get(req.socket) ?? 0,
    };
    log.add(request);
    // When the answer's body starts (a streamed answer's first chunk, the role's), and when its first
    // text goes out: the server's own first-token time.
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    res.write = ((...args: unknown[]) => {
      request.firstWriteAt ??= Date.now();
      if (request.firstTextAt === undefined && typeof args[0] === 'string' && FIRST_TEXT.test(args[0])) {
        request.firstTextAt = Date.now();
      }
      return write(...args);
    }) as typeof res.write;
    const signal = signalFor(res);
    const route = `${method} ${path}`;
    if (!KNOWN_ROUTES.has(route)) {
      return sendBody(res, 404, JSON_CONTENT_TYPE, prettyJson(invalidUrlBody(method, path)));
    }
    // Like the real API: a wrong key is a JSON 401 even when stream: true was asked.
    const unauthorized = authFailure(req);
    if (unauthorized) {
      const headers = { 'www-authenticate': 'Bearer realm="OpenAI API"' };
      return sendBody(res, 401, JSON_CONTENT_TYPE, unauthorized, headers);
    }
    if (route === 'GET /v1/models') {
      if (modelsResponse) return playScenario(modelsResponse, res, { body: {}, signal });
      return sendBody(res, 200, JSON_CONTENT_TYPE, prettyJson(listModelsBody(models)));
    }

    if (route === TRANSCRIPTION_ROUTE) {
      const checked = checkTranscriptionRequest(req.headers['content-type'], bytes, models);
      if (!checked.ok) {
        if (checked.rejection.validationError) validationErrors.push(checked.rejection.validationError);
        return sendBody(res, checked.rejection.status, JSON_CONTENT_TYPE, checked.rejection.body);
      }
      request.body = undefined;
      request.form = checked.request;
      const scenario = transcriptionQueue.shift() ?? { kind: 'transcript', text: options.transcript ?? DEFAULT_TRANSCRIPT };
      if (scenario.kind === 'transcript') return playTranscript(scenario, checked.request, res, signal);
      return playScenario(scenario, res, { body: {}, signal });
    }

    const rejection = parsed.ok ? checkChatRequest(parsed.body, models) : parsed.rejection;
    if (rejection) {
      if (rejection.validationError) validationErrors.push(rejection.validationError);
      return sendBody(res, rejection.status, JSON_CONTENT_TYPE, rejection.body);
    }
    const body = parsed.ok ? (parsed.body as Record<string, unknown>) : {};
    const scenario = queue.shift() ?? fallback ?? echoScenario(body, options.chunkIntervalMs);
    return playScenario(scenario, res, { body, signal });
  }

  const server = createServer((req, res) => {
    res.on('error', () => {}); // a client that vanished mid-answer is part of the tests, not a crash
    handle(req, res).catch((error: unknown) => {
      // Waits cut short by a client that left or by close() end here; that is not a failure.
      if (closing.signal.aborted || res.destroyed || (error as Error)?.name === 'AbortError') return;
      console.error('[fake-server] handler failed:', error);
      if (!res.headersSent) sendBody(res, 500, JSON_CONTENT_TYPE, prettyJson({ error: { message: String(error) } }));
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    connectionNumbers.set(socket, ++connections);
    socket.on('close', () => sockets.delete(socket));
  });
  // A connection delay holds each accepted socket, unread, before the HTTP server gets it.
  const delay = options.connectDelayMs ?? 0;
  const listener: Server = delay
    ? createNetServer({ pauseOnConnect: true }, (socket) => {
        setTimeout(() => {
          server.emit('connection', socket);
          socket.resume();
        }, delay);
      })
    : server;
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = listener.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const closeConnections = () => {
    for (const socket of sockets) socket.destroy();
  };

  return {
    url,
    baseURL: `${url}/v1`,
    apiKey,
    requests: log.requests,
    get connections() {
      return connections;
    },
    validationErrors,
    enqueue: (...scenarios) => void queue.push(...scenarios),
    enqueueTranscription: (...scenarios) => void transcriptionQueue.push(...scenarios),
    setDefault: (scenario) => {
      fallback = scenario;
    },
    setModelsResponse: (scenario) => {
      modelsResponse = scenario;
    },
    reset() {
      queue.length = 0;
      transcriptionQueue.length = 0;
      validationErrors.length = 0;
      log.clear();
      fallback = null;
      modelsResponse = null;
    },
    waitForRequests: log.waitFor,
    closeConnections,
    async close() {
      closing.abort();
      server.closeAllConnections();
      closeConnections();
      if (listener !== server) await new Promise<void>((resolve) => listener.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
