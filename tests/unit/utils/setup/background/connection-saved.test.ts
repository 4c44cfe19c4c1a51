import { describe, expect, it } from 'vitest';
import { canResend } from '@/utils/chat/resend';
import type { ChatMessage } from '@/utils/chat/types';
import { connectionSavedItem, getSettings, updateSettings } from '@/utils/settings';
import { markConnectionSaved, noteConnection } from '@/utils/setup/background/state';

const failed = (code: string, endedAt: number, extra: Partial<ChatMessage> = {}): ChatMessage =>
  ({
    id: 'a1',
    role: 'assistant',
    content: '',
    status: 'error',
    createdAt: endedAt - 50,
    endedAt,
    error: { code, message: 'failed', retryable: false },
    ...extra,
  }) as ChatMessage;

describe('when the connection was saved', () => {
  it('is noted when a key is stored, and when the provider, base URL or model change, not at first sight', async () => {
    await noteConnection(await getSettings(), 1_000);
    expect((await connectionSavedItem.getValue()).at).toBe(0); // an install fixed nothing
    await noteConnection(await getSettings(), 2_000);
    expect((await connectionSavedItem.getValue()).at).toBe(0); // the same connection again

    await noteConnection(await updateSettings({ baseURL: 'https://relay.example.com/v1' }), 3_000);
    expect((await connectionSavedItem.getValue()).at).toBe(3_000);
    await noteConnection(await updateSettings({ uiLanguage: 'zh-CN' }), 4_000);
    expect((await connectionSavedItem.getValue()).at).toBe(3_000); // the language is not the connection

    await markConnectionSaved(await getSettings(), 5_000);
    expect((await connectionSavedItem.getValue()).at).toBe(5_000);
  });
});

describe('canResend', () => {
  it('offers a failure a new key or endpoint can fix, once the connection was saved after it', () => {
    for (const code of ['missing_key', 'invalid_key', 'quota_exceeded', 'network', 'model_not_found']) {
      expect(canResend(failed(code, 1_000), 2_000), code).toBe(true);
      expect(canResend(failed(code, 1_000), 500), code).toBe(false); // saved before it failed
      expect(canResend(failed(code, 1_000), 0), code).toBe(false);
    }
  });

  it('does not offer what a new connection cannot fix, nor answers that did not fail', () => {
    expect(canResend(failed('context_too_long', 1_000), 2_000)).toBe(false);
    expect(canResend(failed('rate_limited', 1_000), 2_000)).toBe(false);
    expect(canResend(failed('invalid_key', 1_000, { status: 'done' }), 2_000)).toBe(false);
    expect(canResend(failed('invalid_key', 1_000, { role: 'user' }), 2_000)).toBe(false);
  });

  it('counts from when the answer ended, so a resend that fails again is not offered again', () => {
    // Answered at 100, failed; the key was saved at 2,000; resent and failed again at 3,000.
    expect(canResend(failed('invalid_key', 3_000, { createdAt: 100 }), 2_000)).toBe(false);
    // Stored before answers kept when they ended: when they started counts.
    expect(canResend(failed('invalid_key', 0, { createdAt: 100, endedAt: undefined }), 2_000)).toBe(true);
  });
});
