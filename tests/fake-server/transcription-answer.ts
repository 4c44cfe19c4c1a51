/**
 * The fake transcriber's answers: the text of a `transcript` scenario in the format the request
 * asked for (json, text, verbose_json, srt, vtt), or streamed as the real API streams it
 * (`transcript.text.delta` events, then `transcript.text.done` with usage) when `stream` is true
 * and the model streams.
 */
import type { ServerResponse } from 'node:http';
import { prettyJson } from './api-errors';
import { splitIntoChunks } from './chat-chunks';
import { isWritable, JSON_CONTENT_TYPE, sendBody, sleep, SSE_CONTENT_TYPE, writeChunk } from './http-utils';
import { streamsTranscript, type TranscriptionRequest } from './transcription-rules';
import type { TranscriptScenario } from './types';
import { countTextTokens } from './usage';
import { id3v2Size, readFrameHeader } from '@/utils/transcribe/media/mp3';

/** What the fake transcriber hears when no scenario says otherwise. */
export const DEFAULT_TRANSCRIPT = 'Hello from the fake transcriber.';

/**
 * Seconds of audio in a file: exact for WAV (from its header), for constant-bitrate MP3 from its
 * first frame's bitrate, else estimated from the size at
 * a speech bitrate of 24 kbit/s (3,000 bytes a second), as Opus in webm or ogg is recorded.
 */
export function audioSeconds(request: TranscriptionRequest): number {
  const { bytes, container } = request.file;
  if (container === 'wav' && bytes.length >= 44) {
    const byteRate = bytes.readUInt32LE(28);
    const dataAt = bytes.indexOf('data', 12);
    if (byteRate > 0 && dataAt !== -1) return Math.round((bytes.readUInt32LE(dataAt + 4) / byteRate) * 100) / 100;
  }
  if (container === 'mp3') {
    // Constant bitrate: the first frame's bitrate gives the length.
    const at = id3v2Size(bytes);
    const frame = readFrameHeader(bytes, at);
    if (frame) return Math.round((((bytes.length - at) * 8) / (frame.bitrate * 1000)) * 100) / 100;
  }
  return Math.round((bytes.length / 3000) * 100) / 100;
}

/** Usage as gpt-4o(-mini)-transcribe report it (tokens), or whisper-1 (seconds). */
function usageOf(model: string, text: string, seconds: number) {
  if (!streamsTranscript(model)) return { type: 'duration', seconds: Math.ceil(seconds) };
  const audioTokens = Math.max(1, Math.round(seconds * 10));
  const outputTokens = countTextTokens(text, 'gpt-4o');
  return {
    type: 'tokens',
    input_tokens: audioTokens,
    input_token_details: { text_tokens: 0, audio_tokens: audioTokens },
    output_tokens: outputTokens,
    total_tokens: audioTokens + outputTokens,
  };
}

/** Longest segment of a verbose_json answer. */
const SEGMENT_SECONDS = 60;

function timestamp(seconds: number, separator: ',' | '.'): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`;
}

/** The body and content type of a non-streamed answer in `format`. */
export function formattedTranscript(format: string, text: string, seconds: number, model: string, language: string) {
  switch (format) {
    case 'text':
      return { type: 'text/plain; charset=utf-8', body: `${text}\n` };
    case 'srt':
      return { type: 'text/plain; charset=utf-8', body: `1\n${timestamp(0, ',')} --> ${timestamp(seconds, ',')}\n${text}\n\n` };
    case 'vtt':
      return {
        type: 'text/plain; charset=utf-8',
        body: `WEBVTT\n\n${timestamp(0, '.')} --> ${timestamp(seconds, '.')}\n${text}\n\n`,
      };
    case 'verbose_json': {
      // One segment a minute, each with the scenario's text, as a long recording would have.
      const count = Math.max(1, Math.ceil(seconds / SEGMENT_SECONDS));
      const segments = Array.from({ length: count }, (_, id) => ({
        id,
        seek: id * SEGMENT_SECONDS * 100,
        start: id * SEGMENT_SECONDS,
        end: Math.min(seconds, (id + 1) * SEGMENT_SECONDS),
        text: count > 1 ? ` ${text}` : text,
        tokens: [],
        temperature: 0,
        avg_logprob: -0.2,
        compression_ratio: 1,
        no_speech_prob: 0.01,
      }));
      const body = {
        task: 'transcribe',
        language,
        duration: seconds,
        text: segments
          .map((segment) => segment.text)
          .join('')
          .trim(),
        segments,
        usage: { type: 'duration', seconds: Math.ceil(seconds) },
      };
      return { type: JSON_CONTENT_TYPE, body: prettyJson(body) };
    }
    default:
      return { type: JSON_CONTENT_TYPE, body: prettyJson({ text, usage: usageOf(model, text, seconds) }) };
  }
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'english', zh: 'chinese', ja: 'japanese', fr: 'french', de: 'german' };

/** Answers a checked transcription request with a `transcript` scenario. */
export async function playTranscript(
  scenario: TranscriptScenario,
  request: TranscriptionRequest,
  res: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  await sleep(scenario.firstByteDelayMs, signal);
  const model = String(request.fields.model);
  const seconds = scenario.durationSeconds ?? audioSeconds(request);
  const text = scenario.text;
  if (request.fields.stream !== true || !streamsTranscript(model)) {
    const language = LANGUAGE_NAMES[String(request.fields.language ?? 'en')] ?? 'english';
    const answer = formattedTranscript(String(request.fields.response_format ?? 'json'), text, seconds, model, language);
    return sendBody(res, 200, answer.type, answer.body);
  }
  res.writeHead(200, { 'content-type': SSE_CONTENT_TYPE, 'cache-control': 'no-cache' });
  res.flushHeaders();
  const event = (data: object) => writeChunk(res, `data: ${JSON.stringify(data)}\n\n`);
  for (const [i, delta] of splitIntoChunks(text, scenario.chunkChars ?? 6).entries()) {
    if (i > 0) await sleep(scenario.chunkIntervalMs, signal);
    event({ type: 'transcript.text.delta', delta });
  }
  event({ type: 'transcript.text.done', text, usage: usageOf(model, text, seconds) });
  if (isWritable(res)) res.end();
}
