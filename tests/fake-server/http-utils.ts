/**
 * Small helpers over node:http for the fake server: cancellable waits, body reading and
 * response writing that tolerates a client that already went away.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms` (nothing for 0); rejects when `signal` aborts so a closed server stops at once. */
export async function sleep(ms: number | undefined, signal: AbortSignal): Promise<void> {
  if (!ms || ms <= 0) {
    if (signal.aborted) throw signal.reason;
    return;
  }
  await delay(ms, undefined, { signal });
}

/** Resolves only when `signal` aborts: used to keep a hanging or stalled response open. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** Reads the whole request body as bytes (multipart uploads are binary). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Lower-cased header map with repeated values joined, for RecordedRequest. */
export function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** True while the response can still be written to. */
export function isWritable(res: ServerResponse): boolean {
  return !res.destroyed && !res.writableEnded;
}

/** Writes a piece of the body unless the client is gone (a dead socket must not crash a test). */
export function writeChunk(res: ServerResponse, chunk: string | Buffer): void {
  if (isWritable(res)) res.write(chunk);
}

/**
 * Cuts the connection mid-answer. Chunks already written are flushed first (a plain destroy could
 * discard them), then the socket closes without the terminating chunk, so the body is incomplete.
 */
export function dropConnection(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket || socket.destroyed) {
    res.destroy();
    return;
  }
  socket.end(() => socket.destroy());
}

/** Sends status, headers and a complete body in one go. */
export function sendBody(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  if (!isWritable(res)) return;
  res.writeHead(status, { ...headers, 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** JSON content type the real API uses on its JSON answers. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** SSE content type of the real API's streams (recordings from 2025). */
export const SSE_CONTENT_TYPE = 'text/event-stream; charset=utf-8';
