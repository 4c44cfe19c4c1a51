import { describe, expect, it } from 'vitest';
import { setLocale } from '@/utils/i18n';
import { asksForBaseURL, asksForModel, pickChatModel, welcomeErrorText } from '@/utils/setup/welcome-logic';

setLocale('en');

describe('the welcome page', () => {
  it('tests a relay with its first chat model when none is typed, skipping embeddings, speech and images', () => {
    expect(pickChatModel(['text-embedding-3-small', 'whisper-1', 'dall-e-3', 'gpt-4o-mini', 'o3'])).toBe('gpt-4o-mini');
    expect(pickChatModel(['bge-reranker', 'qwen-plus'])).toBe('qwen-plus');
    // Nothing looks like a chat model: the first one is still worth a try.
    expect(pickChatModel(['text-embedding-3-large'])).toBe('text-embedding-3-large');
    expect(pickChatModel([])).toBeUndefined();
  });

  it('asks for a base URL only where no preset has one (relays, Azure) or it may differ (Ollama), and for a model only without a preset', () => {
    expect(asksForBaseURL('openai')).toBe(false);
    expect(asksForBaseURL('deepseek')).toBe(false);
    expect(asksForBaseURL('custom')).toBe(true);
    expect(asksForBaseURL('azure')).toBe(true);
    expect(asksForBaseURL('ollama')).toBe(true);
    expect(asksForModel('moonshot')).toBe(false);
    expect(asksForModel('custom')).toBe(true);
  });

  it('explains failures with the next step on this page, never "open the settings"', () => {
    const host = 'relay.example.com';
    expect(welcomeErrorText({ code: 'missing_key', message: 'x', retryable: false }, host)).toBe(
      'Paste your API key in the box above, then press Test and save.',
    );
    const cors = welcomeErrorText(
      { code: 'cors', message: 'Press Save or Test connection in the settings', retryable: false },
      host,
    );
    expect(cors).toContain(host);
    expect(cors).not.toMatch(/settings/i);
    expect(cors).toMatch(/Test and save again/);
    // The background's words already name the fix for the others (check the key, add credit, check the base URL).
    expect(welcomeErrorText({ code: 'quota_exceeded', message: 'Add credit.', retryable: false }, host)).toBe('Add credit.');
    setLocale('zh-CN');
    expect(welcomeErrorText({ code: 'missing_key', message: 'x', retryable: false }, host)).toContain('测试并保存');
    setLocale('en');
  });
});
