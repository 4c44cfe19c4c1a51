/**
 * Types shared by the fake OpenAI-compatible server: scenarios (what the next answer looks like),
 * recorded requests, usage objects and the server handle.
 */

/** `usage.prompt_tokens_details` as the real API sends it on current models. */
export interface PromptTokensDetails {
  cached_tokens: number;
  audio_tokens: number;
}

/** `usage.completion_tokens_details` as the real API sends it on current models. */
export interface CompletionTokensDetails {
  reasoning_tokens: number;
  audio_tokens: number;
  accepted_prediction_tokens: number;
  rejected_prediction_tokens: number;
}

/** The `usage` object of a chat completion (spec: CompletionUsage), in the real API's key order. */
export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: PromptTokensDetails;
  completion_tokens_details: CompletionTokensDetails;
}

/** Fields a scenario may force, e.g. `{ prompt_tokens_details: { cached_tokens: 1280 } }`. */
export interface UsageOverride {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  prompt_tokens_details?: Partial<PromptTokensDetails>;
  completion_tokens_details?: Partial<CompletionTokensDetails>;
}

/** Delays that every scenario except `hang` understands. */
export interface ScenarioTiming {
  /** Wait this long before sending the status line and headers. */
  firstByteDelayMs?: number;
}

/**
 * A model answer produced from text: streamed as SSE when the request has `stream: true`,
 * else a `chat.completion` JSON object. For non-streamed requests `stallAfterChunks` means
 * "send headers, then nothing" and `dropAfterChunks` means "destroy the socket before any body".
 */
export interface TextScenario extends ScenarioTiming {
  kind: 'text';
  text: string;
  /** Longest content delta, in characters (default 4); words are kept whole when they fit. */
  chunkChars?: number;
  /** Pause between two chunks (default 0). */
  chunkIntervalMs?: number;
  /**
   * Only the first N chunks keep `chunkIntervalMs` apart; the rest follow at once. A stream that
   * starts as a real one does (its first words apart) without the minutes a long answer would take.
   */
  pacedChunks?: number;
  /** Headers are sent, then silence for this long before the first chunk (a slow reasoning model). */
  firstChunkDelayMs?: number;
  /** Stop writing after N content chunks and keep the socket open until the server closes. */
  stallAfterChunks?: number;
  /** Destroy the socket after N content chunks: no finish chunk, no usage, no [DONE]. */
  dropAfterChunks?: number;
  /** `finish_reason` of the last choice chunk (default 'stop'). */
  finishReason?: string;
  /** Overrides of the computed usage numbers. */
  usage?: UsageOverride;
  /** A provider that never sends usage, even when `stream_options.include_usage` is true. */
  omitUsage?: boolean;
  /** `model` in the answer (default: the requested model). */
  model?: string;
}

/** Replays a recorded `.sse` body byte for byte (path relative to tests/fixtures/openai/recorded/). */
export interface RecordedScenario extends ScenarioTiming {
  kind: 'recorded';
  file: string;
  /** Pause between two SSE events (default 0: the whole file in one write). */
  chunkIntervalMs?: number;
  /** Destroy the socket after N SSE events. */
  dropAfterChunks?: number;
  /** Default 'text/event-stream; charset=utf-8'. */
  contentType?: string;
}

/** Any HTTP error answer; `errors.*` builds the real ones. An object body is sent as pretty JSON. */
export interface ErrorScenario extends ScenarioTiming {
  kind: 'error';
  status: number;
  body: string | object;
  headers?: Record<string, string>;
  /** Default 'application/json; charset=utf-8'. */
  contentType?: string;
}

/** An HTML page from a relay, proxy or CDN: a login page for 200, a "502 Bad Gateway" page otherwise. */
export interface HtmlScenario extends ScenarioTiming {
  kind: 'html';
  status: number;
  /** Replaces the built-in page. */
  body?: string;
}

/** A 200 whose body is neither JSON nor SSE. */
export interface NonJsonScenario extends ScenarioTiming {
  kind: 'non-json';
  status: 200;
  body: string;
  /** Default 'text/plain; charset=utf-8'. */
  contentType?: string;
}

/** Accepts the request and never answers, until `close()`. */
export interface HangScenario {
  kind: 'hang';
}

/** A plain JSON answer (status 200 unless given) even when `stream: true` was asked. */
export interface JsonScenario extends ScenarioTiming {
  kind: 'json';
  body: object;
  status?: number;
}

/** What the fake server does with one request. Discriminated by `kind`. */
/** An answer made from the request itself (a fake translator that answers each marked part). */
export interface ComputedScenario {
  kind: 'computed';
  answer(body: Record<string, unknown>): Exclude<Scenario, ComputedScenario>;
}

export type Scenario =
  | ComputedScenario
  | TextScenario
  | RecordedScenario
  | ErrorScenario
  | HtmlScenario
  | NonJsonScenario
  | HangScenario
  | JsonScenario;

/** A transcript for /v1/audio/transcriptions, answered in the format the request asked for. */
export interface TranscriptScenario extends ScenarioTiming {
  kind: 'transcript';
  text: string;
  /** Seconds of audio the answer reports (default: from the WAV header, or the size at 24 kbit/s). */
  durationSeconds?: number;
  /** Longest streamed delta, in characters (default 6). */
  chunkChars?: number;
  /** Pause between two streamed deltas (default 0). */
  chunkIntervalMs?: number;
}

/** What the fake server does with one transcription request. */
export type TranscriptionScenario =
  | TranscriptScenario
  | ErrorScenario
  | HtmlScenario
  | NonJsonScenario
  | HangScenario
  | JsonScenario;

/** The audio file of a transcription request, as it arrived. */
export interface UploadedFile {
  filename: string;
  contentType?: string;
  bytes: Buffer;
  /** The container its magic bytes show ('webm', 'ogg', 'wav'...). */
  container: string;
}

/** One request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. '/v1/chat/completions'. */
  path: string;
  /** Header names lower-cased; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** The parsed JSON body; undefined when there is no body or it is not JSON. */
  body: unknown;
  rawBody: string;
  /** Date.now() when the request arrived. */
  receivedAt: number;
  /** Which TCP connection it came on: 1 for the server's first, counted like `connections`. */
  connection: number;
  /** Date.now() when the first chunk of the answer's body was written (streamed answers). */
  firstWriteAt?: number;
  /** Date.now() when the first chunk with answer text was written (streamed answers; the role chunk comes before it). */
  firstTextAt?: number;
  /** Transcription requests: the form's fields (typed) and the audio file, once checked. */
  form?: { fields: Record<string, unknown>; file: UploadedFile };
}

/** Options of `startFakeServer`. */
export interface FakeServerOptions {
  /** Default 'sk-test-glance-0000000000000000'. */
  apiKey?: string;
  /** Default 0: a free port chosen by the system. */
  port?: number;
  /** Model ids the server knows; others get 404 model_not_found. */
  models?: string[];
  /** What the transcriber answers when no scenario is queued (default: DEFAULT_TRANSCRIPT). */
  transcript?: string;
  /** Pause between chunks of the built-in echo answer (default 0), so a person sees it stream. */
  chunkIntervalMs?: number;
  /**
   * How long a new connection takes before its first request can be read (default 0): the TCP and
   * TLS handshakes of a distant API or relay, which a connection opened ahead of time has paid.
   */
  connectDelayMs?: number;
}

/** A running fake server. */
export interface FakeServer {
  /** 'http://127.0.0.1:PORT' */
  url: string;
  /** url + '/v1', what `new OpenAI({ baseURL })` expects. */
  baseURL: string;
  apiKey: string;
  /** Every request except CORS preflights (browsers send those on their own), oldest first. */
  requests: RecordedRequest[];
  /** TCP connections accepted so far, requests or not (a browser's preconnect opens one and waits). */
  readonly connections: number;
  /** One line per request body that the real API would reject as malformed, with the reason. */
  validationErrors: string[];
  /** Scenarios for the next chat requests, one each, in order. */
  enqueue(...scenarios: Scenario[]): void;
  /** Scenarios for the next transcription requests, one each, in order. */
  enqueueTranscription(...scenarios: TranscriptionScenario[]): void;
  /** Scenario used when the queue is empty (instead of the echo answer). */
  setDefault(scenario: Scenario): void;
  /** Scripts GET /v1/models; null restores the normal model list. */
  setModelsResponse(scenario: Scenario | null): void;
  /** Clears queue, requests and validation errors; restores the echo default and the model list. */
  reset(): void;
  /** Resolves with the requests once at least `n` match (default: all requests count). */
  waitForRequests(n: number, timeoutMs?: number, match?: (request: RecordedRequest) => boolean): Promise<RecordedRequest[]>;
  /** Closes every open connection (the server keeps listening), as a server that times idle sockets out does. */
  closeConnections(): void;
  /** Stops listening and destroys every open socket, hanging ones included. */
  close(): Promise<void>;
}
