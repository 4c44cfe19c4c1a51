import type { ComputedScenario, FakeServer, RecordedRequest } from '@/tests/fake-server';

/** The parts of a (marked) translation request: the text of each, in order. */
export function requestParts(body: Record<string, unknown>): string[] {
  const messages = (body.messages ?? []) as { role: string; content: string }[];
  const user = messages.find((message) => message.role === 'user')?.content ?? '';
  const inner = user.replace(/^<text>\n/, '').replace(/\n<\/text>$/, '');
  if (!/^1\t/.test(inner)) return [inner];
  return inner
    .split(/^\d+\t/m)
    .slice(1)
    .map((part) => part.trim());
}

/** What the fake translator answers for one paragraph's text. */
export const fakeTranslation = (text: string) => `译文：${text}`;

/**
 * A fake model that translates page paragraphs: each part comes back under its marker as
 * "译文：<text>" (links kept), streamed. `drop` leaves the given 1-based parts out of the answer.
 */
export function translator(
  options: { drop?: number[]; chunkIntervalMs?: number; firstChunkDelayMs?: number; pacedChunks?: number } = {},
): ComputedScenario {
  return {
    kind: 'computed',
    answer(body) {
      const parts = requestParts(body);
      const text =
        parts.length === 1
          ? fakeTranslation(parts[0]!)
          : parts
              .map((part, index) => (options.drop?.includes(index + 1) ? '' : `${index + 1}\t${fakeTranslation(part)}`))
              .filter(Boolean)
              .join('\n');
      return {
        kind: 'text',
        text,
        chunkChars: 24,
        chunkIntervalMs: options.chunkIntervalMs ?? 0,
        pacedChunks: options.pacedChunks,
        firstChunkDelayMs: options.firstChunkDelayMs,
      };
    },
  };
}

/** The translation requests the fake server received. */
export function translationRequests(server: FakeServer): RecordedRequest[] {
  return server.requests.filter((request) => request.path === '/v1/chat/completions');
}

/** Every paragraph text sent for translation so far, in the order of the requests. */
export function sentParts(server: FakeServer): string[] {
  return translationRequests(server).flatMap((request) => requestParts(request.body as Record<string, unknown>));
}
