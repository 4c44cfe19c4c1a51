import { describe, expect, it } from 'vitest';
import { defaultSystemPrompt, isDefaultSystemPrompt, systemPromptFor } from '@/utils/chat/system-prompt';
import { DEFAULT_SETTINGS } from '@/utils/settings';

describe('the default system prompt', () => {
  it('is the English one as stored, so settings saved before it was translated still count as the default', () => {
    expect(DEFAULT_SETTINGS.chatSystemPrompt).toBe(defaultSystemPrompt('en'));
  });

  it('follows the interface language, whichever language it was saved in', () => {
    const zh = defaultSystemPrompt('zh-CN');
    expect(zh).toMatch(/[一-龥]/);
    expect(systemPromptFor(DEFAULT_SETTINGS.chatSystemPrompt, 'zh-CN')).toBe(zh);
    expect(systemPromptFor(zh, 'en')).toBe(DEFAULT_SETTINGS.chatSystemPrompt);
    expect(isDefaultSystemPrompt(zh)).toBe(true);
  });

  it('leaves the user’s own prompt, and an empty one, as written', () => {
    expect(systemPromptFor('Answer in haiku.', 'zh-CN')).toBe('Answer in haiku.');
    expect(systemPromptFor('', 'zh-CN')).toBe('');
    expect(isDefaultSystemPrompt(`${DEFAULT_SETTINGS.chatSystemPrompt} `)).toBe(false);
  });
});
