import { describe, expect, it, vi } from 'vitest';
import { messages as zh } from '@/utils/messages-zh-cn';

// utils/i18n-pages.ts keeps its own dictionaries: import it fresh, without the setup's utils/i18n.ts ones.
async function freshPages() {
  vi.resetModules();
  return import('@/utils/i18n-pages');
}

describe('the pages’ strings, loaded on demand', () => {
  it('has no strings until a language is loaded, then that language’s only', async () => {
    const pages = await freshPages();
    expect(pages.t('chatTab')).toBe('chatTab');
    await pages.loadMessages('zh-CN');
    pages.setLocale('zh-CN', { documentLang: false });
    expect(pages.t('chatTab')).toBe(zh.chatTab);
    // English was never loaded: an English lookup finds no string.
    expect(pages.t('chatTab', undefined, 'en')).toBe('chatTab');
    await pages.loadMessages('en');
    expect(pages.t('chatTab', undefined, 'en')).toBe('Chat');
  });

  it('loads a language once, however often it is asked for', async () => {
    const pages = await freshPages();
    const first = pages.loadMessages('en');
    expect(pages.loadMessages('en')).toBe(first);
    await first;
    expect(pages.isMessageKey('chatTab')).toBe(true);
  });
});
