import { describe, expect, it } from 'vitest';
import { MICROPHONE_MESSAGES, problemOf } from '@/utils/transcribe/ui/microphone';
import { recordingType } from '@/utils/transcribe/ui/recorder';
import { setLocale, t } from '@/utils/i18n';
import { formatElapsed } from '@/utils/transcribe/request';

const domError = (name: string) => Object.assign(new Error(name), { name });

describe('microphone problems', () => {
  it('tells a refusal, a missing device and a device in use apart', () => {
    expect(problemOf(domError('NotAllowedError'))).toBe('denied');
    expect(problemOf(domError('NotFoundError'))).toBe('missing');
    expect(problemOf(domError('NotReadableError'))).toBe('busy');
    expect(problemOf(domError('TypeError'))).toBe('unsupported');
  });

  it('has a message for each, in English and Chinese', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      setLocale(locale);
      const messages = Object.values(MICROPHONE_MESSAGES).map((key) => t(key));
      expect(new Set(messages).size).toBe(messages.length);
      expect(messages.every((m) => m.length > 8)).toBe(true);
    }
    setLocale('en');
    expect(t('voiceMicBusy')).toMatch(/another application/);
    setLocale('zh-CN');
    expect(t('voiceMicMissing')).toMatch(/麦克风/);
    setLocale('en');
  });
});

describe('recorder', () => {
  it('prefers Opus in webm, then Opus in ogg', () => {
    expect(recordingType(() => true)).toBe('audio/webm;codecs=opus');
    expect(recordingType((type) => type.startsWith('audio/ogg'))).toBe('audio/ogg;codecs=opus');
    expect(recordingType(() => false)).toBe('');
  });

  it('shows elapsed time as m:ss', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(7_900)).toBe('0:07');
    expect(formatElapsed(754_000)).toBe('12:34');
  });
});
