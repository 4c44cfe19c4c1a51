import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import {
  buildTranscriptionRequest,
  dictationStep,
  MAX_PIECE_MS,
  MAX_RECORDING_MS,
  MAX_UPLOAD_BYTES,
  fileNameFor,
  languageHint,
  pickTranscriptionModel,
  streamsTranscript,
} from '@/utils/transcribe/request';
import { audioCostOf, priceFor } from '@/utils/llm/pricing';

describe('transcription request', () => {
  it('names the file after the container MediaRecorder made', () => {
    expect(fileNameFor('audio/webm;codecs=opus')).toBe('speech.webm');
    expect(fileNameFor('audio/ogg; codecs=opus')).toBe('speech.ogg');
    expect(fileNameFor('')).toBe('speech.webm');
  });

  it('hints the interface language as ISO-639-1, or nothing on auto', () => {
    expect(languageHint({ ...DEFAULT_SETTINGS, uiLanguage: 'zh-CN' })).toBe('zh');
    expect(languageHint({ ...DEFAULT_SETTINGS, uiLanguage: 'en' })).toBe('en');
    expect(languageHint({ ...DEFAULT_SETTINGS, uiLanguage: 'zh-CN', transcriptionLanguage: 'auto' })).toBeUndefined();
  });

  it('uses gpt-4o-mini-transcribe by default, whisper-1 where the endpoint lists no other', () => {
    expect(pickTranscriptionModel('', [])).toBe('gpt-4o-mini-transcribe');
    expect(pickTranscriptionModel('', ['gpt-4o-mini', 'whisper-1', 'gpt-4o-mini-transcribe'])).toBe('gpt-4o-mini-transcribe');
    expect(pickTranscriptionModel('', ['deepseek-chat', 'whisper-1'])).toBe('whisper-1');
    expect(pickTranscriptionModel('', ['chat-only'])).toBe('gpt-4o-mini-transcribe');
    expect(pickTranscriptionModel(' gpt-4o-transcribe ', ['whisper-1'])).toBe('gpt-4o-transcribe');
  });

  it('streams with the gpt-4o transcribe models only', () => {
    expect(streamsTranscript('gpt-4o-mini-transcribe')).toBe(true);
    expect(streamsTranscript('whisper-1')).toBe(false);
    const settings = { ...DEFAULT_SETTINGS, uiLanguage: 'en' as const };
    expect(buildTranscriptionRequest('audio/webm', 'whisper-1', settings)).toEqual({
      model: 'whisper-1',
      fileName: 'speech.webm',
      language: 'en',
      stream: false,
    });
  });

  it('prices transcription by the minute from the dated table', () => {
    expect(audioCostOf(60, priceFor('whisper-1'))).toBeCloseTo(0.006);
    expect(audioCostOf(30, priceFor('gpt-4o-mini-transcribe'))).toBeCloseTo(0.0015);
    expect(audioCostOf(120, priceFor('gpt-4o-transcribe'))).toBeCloseTo(0.012);
  });
});

describe('a long dictation', () => {
  it('is cut into pieces no longer than the 4o transcription models take (1,400 s), and stops at an hour', () => {
    expect(MAX_PIECE_MS).toBeLessThanOrEqual(1_400_000);
    expect(dictationStep(5 * 60_000, 5 * 60_000)).toBe('record');
    expect(dictationStep(MAX_PIECE_MS, MAX_PIECE_MS)).toBe('cut');
    // The next piece starts counting at the cut.
    expect(dictationStep(MAX_PIECE_MS + 1000, 1000)).toBe('record');
    expect(dictationStep(2 * MAX_PIECE_MS, MAX_PIECE_MS)).toBe('cut');
    expect(dictationStep(MAX_RECORDING_MS, 0)).toBe('stop');
    // Every piece of the longest dictation fits one upload at the speech bitrate (24 kbit/s).
    expect((MAX_PIECE_MS / 1000) * 3_000).toBeLessThan(MAX_UPLOAD_BYTES);
  });
});
