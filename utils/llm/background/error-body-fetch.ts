/**
 * Wraps `fetch` so that error answers not in OpenAI's `{"error": {...}}` envelope keep their
 * message: SiliconFlow's `{"code":30001,"message":...}` and vLLM's / Hyperbolic's
 * `{"object":"error",...}`. The SDK reads only `body.error`, so without this such a body becomes
 * "402 status code (no body)". Successful answers and enveloped errors pass through untouched.
 */
export function withWrappedErrorBodies(base: typeof fetch = globalThis.fetch.bind(globalThis)): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (response.ok || !/json/i.test(response.headers.get('content-type') ?? '')) return response;
    const text = await response.text();
    return new Response(rewrap(text), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** The body in OpenAI's envelope when it is a bare error object; otherwise unchanged. */
export function rewrap(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return text;
  const value = parsed as Record<string, unknown>;
  if (value.error && typeof value.error === 'object') return text;
  // `{"error": "text"}` and bare objects with a message both become `{"error": {message, ...}}`.
  if (typeof value.error === 'string') return JSON.stringify({ error: { ...value, message: value.error } });
  if (typeof value.message === 'string' || typeof value.msg === 'string') {
    return JSON.stringify({ error: { ...value, message: value.message ?? value.msg } });
  }
  return text;
}
