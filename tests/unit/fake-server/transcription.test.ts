import { describe, expect, it } from 'vitest';
import { containerOfName, errors, parseMultipart, sniffContainer } from '@/tests/fake-server';
import { audioSample, mp3Stream } from '@/tests/fake-server/audio-samples';
import { useFakeServer } from '@/tests/fake-server/test-helpers';

const fixture = useFakeServer();

/** A transcription form: `fields` as text parts, then the file (unless `file` is null). */
function form(fields: Record<string, string | string[]>, file: { bytes: Uint8Array<ArrayBuffer>; name: string } | null) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  }
  if (file) data.append('file', new Blob([file.bytes], { type: 'audio/webm' }), file.name);
  return data;
}

const webm = { bytes: audioSample('webm'), name: 'speech.webm' };

function post(body: FormData | string, headers: Record<string, string> = {}) {
  return fetch(`${fixture.server.baseURL}/audio/transcriptions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${fixture.server.apiKey}`, ...headers },
    body,
  });
}

describe('audio format checks', () => {
  it('recognizes each accepted container by its first bytes', () => {
    for (const container of ['webm', 'ogg', 'wav', 'mp3', 'flac', 'mp4'] as const) {
      expect(sniffContainer(Buffer.from(audioSample(container)))).toBe(container);
    }
    expect(sniffContainer(Buffer.from([0xff, 0xfb, 0x90, 0x00]))).toBe('mp3'); // MPEG-1 layer III frame
    expect(sniffContainer(Buffer.from('<html>not audio</html>'))).toBeUndefined();
    expect(sniffContainer(Buffer.alloc(0))).toBeUndefined();
  });

  it('maps file names to the container their extension claims', () => {
    expect(containerOfName('speech.webm')).toBe('webm');
    expect(containerOfName('a.M4A')).toBe('mp4');
    expect(containerOfName('a.oga')).toBe('ogg');
    expect(containerOfName('speech')).toBeUndefined();
    expect(containerOfName('notes.txt')).toBeUndefined();
  });

  it('parses a multipart body byte for byte, binary included', async () => {
    const request = new Request('http://x/', { method: 'POST', body: form({ model: 'whisper-1' }, webm) });
    const type = request.headers.get('content-type')!;
    const parts = parseMultipart(Buffer.from(await request.arrayBuffer()), /boundary=(.*)$/.exec(type)![1]);
    expect(parts.map((p) => p.name)).toEqual(['model', 'file']);
    expect(parts[1].filename).toBe('speech.webm');
    expect(Buffer.compare(parts[1].data, Buffer.from(webm.bytes))).toBe(0);
  });
});

describe('POST /v1/audio/transcriptions', () => {
  it('answers json with the transcript and records the upload', async () => {
    const res = await post(form({ model: 'gpt-4o-mini-transcribe', language: 'en' }, webm));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { text: string; usage: { type: string } };
    expect(body.text).toBe('Hello from the fake transcriber.');
    expect(body.usage.type).toBe('tokens');
    const [request] = fixture.server.requests;
    expect(request.form?.fields).toMatchObject({ model: 'gpt-4o-mini-transcribe', language: 'en', file: 'speech.webm' });
    expect(request.form?.file.container).toBe('webm');
    expect(request.form?.file.bytes.length).toBe(webm.bytes.length);
    expect(fixture.server.validationErrors).toEqual([]);
  });

  it('answers text, verbose_json, srt and vtt from whisper-1', async () => {
    fixture.server.enqueueTranscription(
      { kind: 'transcript', text: 'One two.', durationSeconds: 2.5 },
      { kind: 'transcript', text: 'One two.', durationSeconds: 2.5 },
      { kind: 'transcript', text: 'One two.', durationSeconds: 2.5 },
      { kind: 'transcript', text: 'One two.', durationSeconds: 2.5 },
    );
    const answer = (format: string) => post(form({ model: 'whisper-1', response_format: format }, webm));
    expect(await (await answer('text')).text()).toBe('One two.\n');
    const verbose = (await (await answer('verbose_json')).json()) as Record<string, unknown>;
    expect(verbose).toMatchObject({
      task: 'transcribe',
      duration: 2.5,
      text: 'One two.',
      usage: { type: 'duration', seconds: 3 },
    });
    expect(await (await answer('srt')).text()).toBe('1\n00:00:00,000 --> 00:00:02,500\nOne two.\n\n');
    expect(await (await answer('vtt')).text()).toContain('WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nOne two.');
  });

  it('times a constant-bitrate MP3 by its bitrate and answers verbose_json with a segment a minute', async () => {
    const mp3 = { bytes: mp3Stream(150, { id3: true }), name: 'audio.mp3' };
    const res = await post(
      form({ model: 'whisper-1', response_format: 'verbose_json', 'timestamp_granularities[]': 'segment' }, mp3),
    );
    const body = (await res.json()) as { duration: number; segments: { start: number; end: number; text: string }[] };
    expect(body.duration).toBe(150);
    expect(body.segments.map((segment) => [segment.start, segment.end])).toEqual([
      [0, 60],
      [60, 120],
      [120, 150],
    ]);
    expect(fixture.server.validationErrors).toEqual([]);
  });

  it('streams transcript.text.delta events and a done event with usage', async () => {
    fixture.server.enqueueTranscription({ kind: 'transcript', text: 'Streamed words arrive in pieces.' });
    const res = await post(form({ model: 'gpt-4o-transcribe', stream: 'true' }, webm));
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = (await res.text())
      .split('\n\n')
      .filter(Boolean)
      .map((event) => JSON.parse(event.replace(/^data: /, '')) as Record<string, unknown>);
    const deltas = events.filter((e) => e.type === 'transcript.text.delta');
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.map((e) => e.delta).join('')).toBe('Streamed words arrive in pieces.');
    expect(events.at(-1)).toMatchObject({ type: 'transcript.text.done', text: 'Streamed words arrive in pieces.' });
    expect((events.at(-1)!.usage as { type: string }).type).toBe('tokens');
  });

  it('ignores stream for whisper-1, like the real API', async () => {
    const res = await post(form({ model: 'whisper-1', stream: 'true' }, webm));
    expect(res.headers.get('content-type')).toMatch(/json/);
  });

  it('refuses what the real API refuses, as malformed requests', async () => {
    const cases: Array<[FormData | string, RegExp]> = [
      [form({ language: 'en' }, webm), /must provide a model parameter/],
      [form({ model: 'whisper-1' }, null), /must provide a file parameter/],
      [form({ model: 'whisper-1', response_format: 'xml' }, webm), /response_format/],
      [form({ model: 'whisper-1', colour: 'blue' }, webm), /Unrecognized request argument supplied: colour/],
      [form({ model: 'gpt-4o-mini-transcribe', response_format: 'srt' }, webm), /not compatible/],
      [
        form({ model: 'whisper-1' }, { bytes: new TextEncoder().encode('not audio at all'), name: 'speech.webm' }),
        /Invalid file format/,
      ],
      [form({ model: 'whisper-1' }, { bytes: audioSample('ogg'), name: 'speech.webm' }), /Invalid file format/],
      [form({ model: 'whisper-1' }, { bytes: audioSample('webm'), name: 'speech' }), /Invalid file format/],
      [JSON.stringify({ model: 'whisper-1' }), /expected multipart\/form-data/],
    ];
    for (const [body, message] of cases) {
      const headers: Record<string, string> = typeof body === 'string' ? { 'content-type': 'application/json' } : {};
      const res = await post(body, headers);
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: { message: string } };
      expect(json.error.message).toMatch(message);
    }
    expect(fixture.server.validationErrors).toHaveLength(cases.length);
  });

  it('checks the key and plays scripted errors: 401, 429 with Retry-After, 413 HTML, 400 format', async () => {
    expect((await post(form({ model: 'whisper-1' }, webm), { authorization: 'Bearer sk-wrong' })).status).toBe(401);
    fixture.server.enqueueTranscription(
      errors.rateLimited({ retryAfterSeconds: 3, model: 'gpt-4o-mini-transcribe', limit: 'requests' }),
      errors.payloadTooLarge(),
      errors.unsupportedAudioFormat(),
    );
    const limited = await post(form({ model: 'gpt-4o-mini-transcribe' }, webm));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    const tooLarge = await post(form({ model: 'gpt-4o-mini-transcribe' }, webm));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toContain('<title>413 Request Entity Too Large</title>');
    const format = await post(form({ model: 'gpt-4o-mini-transcribe' }, webm));
    expect(format.status).toBe(400);
    expect(((await format.json()) as { error: { message: string } }).error.message).toMatch(/Invalid file format/);
    // The queue is used up: the next request gets the default transcript again.
    expect((await post(form({ model: 'gpt-4o-mini-transcribe' }, webm))).status).toBe(200);
  });

  it('works with the official SDK, streamed and not', async () => {
    const { client } = fixture;
    const file = new File([audioSample('ogg')], 'speech.ogg', { type: 'audio/ogg' });
    const plain = await client.audio.transcriptions.create({ file, model: 'whisper-1', language: 'zh' });
    expect(plain.text).toBe('Hello from the fake transcriber.');
    const stream = await client.audio.transcriptions.create({ file, model: 'gpt-4o-mini-transcribe', stream: true });
    let text = '';
    for await (const event of stream) if (event.type === 'transcript.text.delta') text += event.delta;
    expect(text).toBe('Hello from the fake transcriber.');
    expect(fixture.server.validationErrors).toEqual([]);
  });
});
