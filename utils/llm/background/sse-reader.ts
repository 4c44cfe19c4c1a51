/** One server-sent event: its `event:` name ('' when absent) and its joined `data:` lines. */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Reads server-sent events from a response body, by the SSE rules rather than the OpenAI SDK's:
 * comment lines (`: OPENROUTER PROCESSING`, also mid-stream) are skipped, `data:` may come without
 * the space (TGI), lines may end in CRLF, and a last event without its blank line (a body that
 * ends without `[DONE]`) is still delivered. Parsing the JSON is the caller's job, so one bad
 * line cannot end the stream.
 */
export async function* readSseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  let pending: { event: string; data: string[] } = { event: '', data: [] };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = buffer.split(/\r\n|\r|\n/);
      // The last piece may be a line cut between two network chunks; keep it unless the body ended.
      buffer = done ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        const event = applyLine(pending, line);
        if (event) {
          pending = { event: '', data: [] };
          yield event;
        }
      }
      if (done) {
        if (pending.data.length > 0) yield { event: pending.event, data: pending.data.join('\n') };
        return;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** Adds one line to the event being built; returns the event when the line ends it. */
function applyLine(pending: { event: string; data: string[] }, line: string): SseEvent | undefined {
  if (line === '') {
    return pending.data.length > 0 ? { event: pending.event, data: pending.data.join('\n') } : undefined;
  }
  if (line.startsWith(':')) return undefined;
  const colon = line.indexOf(':');
  const field = colon === -1 ? line : line.slice(0, colon);
  let value = colon === -1 ? '' : line.slice(colon + 1);
  if (value.startsWith(' ')) value = value.slice(1);
  if (field === 'data') pending.data.push(value);
  else if (field === 'event') pending.event = value;
  return undefined;
}
