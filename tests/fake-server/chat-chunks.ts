/**
 * Builds chat completion objects byte-compatible with the real API's 2025 recordings
 * (dd-trace-py/chat-stream-include-usage-{true,false}-2025.body.sse): same keys, same key order.
 */
import { randomBytes } from 'node:crypto';
import type { CompletionUsage } from './types';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random alphanumeric string (ids in the recordings look like 'BDA7NsqzvZlObxjeBtas2VM8zS9L7'). */
export function randomAlphanumeric(length: number): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');
}

/** A new completion id, 'chatcmpl-' + 29 characters as in the recordings. */
export function newCompletionId(): string {
  return `chatcmpl-${randomAlphanumeric(29)}`;
}

/** A new request id for the x-request-id header, 'req_' + 32 hex digits as in the recordings. */
export function newRequestId(): string {
  return `req_${randomBytes(16).toString('hex')}`;
}

/** What every chunk of one stream shares. */
export interface StreamIdentity {
  id: string;
  created: number;
  model: string;
  /** true when the request asked `stream_options.include_usage`: every chunk then has "usage":null. */
  includeUsage: boolean;
}

/** The fields every chunk of one stream starts with, in the real API's order. */
function chunkHead(identity: StreamIdentity) {
  return {
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    service_tier: 'default',
    system_fingerprint: null,
  };
}

/** One `chat.completion.chunk` with a single choice. */
export function choiceChunk(identity: StreamIdentity, delta: object, finishReason: string | null = null) {
  const chunk: Record<string, unknown> = {
    ...chunkHead(identity),
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
  if (identity.includeUsage) chunk.usage = null;
  return chunk;
}

/** The extra last chunk sent when include_usage is true: no choices, the totals in `usage`. */
export function usageChunk(identity: StreamIdentity, usage: CompletionUsage) {
  return { ...chunkHead(identity), choices: [], usage };
}

/** The first delta of every current stream. */
export const FIRST_DELTA = { role: 'assistant', content: '', refusal: null };

/** One SSE event: `data: <json>\n\n`. */
export function sseEvent(payload: object | string): string {
  return `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`;
}

/** The stream terminator. */
export const SSE_DONE = 'data: [DONE]\n\n';

/** A non-streamed `chat.completion` object (usage omitted when null). */
export function chatCompletion(options: {
  id?: string;
  created?: number;
  model: string;
  content: string;
  finishReason?: string;
  usage?: CompletionUsage | null;
}) {
  const completion: Record<string, unknown> = {
    id: options.id ?? newCompletionId(),
    object: 'chat.completion',
    created: options.created ?? Math.floor(Date.now() / 1000),
    model: options.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: options.content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: options.finishReason ?? 'stop',
      },
    ],
  };
  if (options.usage) completion.usage = options.usage;
  completion.service_tier = 'default';
  completion.system_fingerprint = null;
  return completion;
}

/**
 * Splits text into content deltas of at most `maxChars` characters, on token-ish boundaries:
 * a word keeps its leading whitespace (" much", as the API streams it) and only words longer
 * than `maxChars` are cut. Code points are never split, so emoji and CJK survive.
 */
export function splitIntoChunks(text: string, maxChars = 4): string[] {
  const limit = Math.max(1, Math.floor(maxChars));
  const pieces = text.match(/\s*\S+|\s+/gu) ?? [];
  const chunks: string[] = [];
  for (const piece of pieces) {
    const chars = Array.from(piece);
    for (let i = 0; i < chars.length; i += limit) chunks.push(chars.slice(i, i + limit).join(''));
  }
  return chunks;
}
