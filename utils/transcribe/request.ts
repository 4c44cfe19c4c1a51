import { resolveLocale } from '@/utils/i18n';
import type { Settings } from '@/utils/settings';

/** The transcription model used when the setting is left empty. */
export const DEFAULT_TRANSCRIPTION_MODEL = 'gpt-4o-mini-transcribe';
/** The model used where the endpoint lists transcription models but not the default. */
export const FALLBACK_TRANSCRIPTION_MODEL = 'whisper-1';
/** The models OpenAI offers for /audio/transcriptions, for the settings' list. */
export const KNOWN_TRANSCRIPTION_MODELS = ['gpt-4o-mini-transcribe', 'gpt-4o-transcribe', 'whisper-1'];
/** The most audio one request may carry (the API refuses bodies over 25 MB). */
export const MAX_UPLOAD_BYTES = 25 * 1000 * 1000;
/** Longest dictation: at 24 kbit/s this is about 11 MB in all. */
export const MAX_RECORDING_MS = 60 * 60_000;
/**
 * Longest piece of a dictation sent in one request: gpt-4o-transcribe and gpt-4o-mini-transcribe
 * refuse audio over 1,400–1,500 s ("audio duration ... is longer than 1400 seconds which is the
 * maximum for this model"), so a longer dictation is cut into 20-minute pieces as it is recorded.
 */
export const MAX_PIECE_MS = 20 * 60_000;

/**
 * What a dictation does as it records: goes on, cuts the piece so far (it is as long as one
 * request may carry) and goes on with the next, or stops (the longest dictation).
 */
export function dictationStep(elapsedMs: number, pieceMs: number): 'record' | 'cut' | 'stop' {
  if (elapsedMs >= MAX_RECORDING_MS) return 'stop';
  return pieceMs >= MAX_PIECE_MS ? 'cut' : 'record';
}

/** Whether a model id looks like a speech-to-text model (OpenAI's and compatible providers'). */
export function isTranscriptionModel(model: string): boolean {
  return /whisper|transcribe|paraformer|sensevoice|asr/i.test(model);
}

/**
 * The model to use when the setting is empty: the default, or whisper-1 where the endpoint's
 * model list has transcription models but not the default (an empty or failed list keeps the default).
 */
export function pickTranscriptionModel(setting: string, endpointModels: readonly string[]): string {
  if (setting.trim()) return setting.trim();
  const offered = endpointModels.filter(isTranscriptionModel);
  if (offered.length === 0 || offered.includes(DEFAULT_TRANSCRIPTION_MODEL)) return DEFAULT_TRANSCRIPTION_MODEL;
  return offered.includes(FALLBACK_TRANSCRIPTION_MODEL) ? FALLBACK_TRANSCRIPTION_MODEL : offered[0];
}

/** whisper-1 answers at once; the gpt-4o transcribe models stream their text. */
export function streamsTranscript(model: string): boolean {
  return !/whisper/i.test(model);
}

/** The file name an upload carries: the API judges the format by its extension. */
export function fileNameFor(mimeType: string): string {
  const type = mimeType.toLowerCase();
  if (type.includes('ogg')) return 'speech.ogg';
  if (type.includes('mp4') || type.includes('m4a')) return 'speech.m4a';
  if (type.includes('wav')) return 'speech.wav';
  return 'speech.webm';
}

/** ISO-639-1 code of the interface language ('en', 'zh'), or undefined to let the model detect it. */
export function languageHint(settings: Settings): string | undefined {
  if (settings.transcriptionLanguage === 'auto') return undefined;
  return resolveLocale(settings.uiLanguage).split('-')[0];
}

/** What one transcription request sends, besides the audio itself. */
export interface TranscriptionSpec {
  model: string;
  fileName: string;
  language?: string;
  stream: boolean;
}

/** Pure: the request for a recording of `mimeType`, with the model already chosen. */
export function buildTranscriptionRequest(mimeType: string, model: string, settings: Settings): TranscriptionSpec {
  const language = languageHint(settings);
  return { model, fileName: fileNameFor(mimeType), ...(language ? { language } : {}), stream: streamsTranscript(model) };
}

/** "0:07", "12:34": elapsed recording time. */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
