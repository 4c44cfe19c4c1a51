import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { ERROR_CODES } from '@/utils/errors';
import { isMessageKey, resolveLocale, t } from '@/utils/i18n';

/** A string's parameters: `{name}` and the counts of plural blocks, `{name, plural, …}`. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  const files = readdirSync('locales/en').filter((name) => name.endsWith('.json'));

  it('has the same files in both languages, and every file is loaded', () => {
    expect(readdirSync('locales/zh-CN').sort()).toEqual(files.sort());
    // Each language's strings are one module (pages load one of them; utils/i18n.ts both).
    const english = readFileSync('utils/messages-en.ts', 'utf8');
    const chinese = readFileSync('utils/messages-zh-cn.ts', 'utf8');
    for (const name of files.filter((f) => f !== 'manifest.json')) {
      expect(english).toContain(`/en/${name}'`);
      expect(chinese).toContain(`/zh-CN/${name}'`);
    }
  });

  it('defines each key in one file only (a second definition would silently win)', () => {
    const keys = files.filter((f) => f !== 'manifest.json').flatMap((name) => Object.keys(read(`locales/en/${name}`)));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('has every English key in Chinese, with the same placeholders, and no empty texts', () => {
    for (const name of files) {
      const en = read(`locales/en/${name}`);
      const zh = read(`locales/zh-CN/${name}`);
      expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        const zhText = zh[key]!;
        expect(placeholders(zhText), key).toEqual(placeholders(text));
        expect(zhText.trim(), key).not.toBe('');
      }
    }
  });

  it('has a message for every error code in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(t(`error_${code}`, {}, 'en')).not.toMatch(/^error_/);
      expect(t(`error_${code}`, {}, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('t / resolveLocale', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('error_network', { host: 'api.example.com' }, 'en')).toContain('api.example.com');
    expect(t('error_network', {}, 'en')).toContain('{host}');
  });

  it('picks the singular for exactly one in English, and the one form Chinese has', () => {
    expect(t('summaryPageTokens', { tokens: 1 }, 'en')).toBe('1 token');
    expect(t('summaryPageTokens', { tokens: '1,234' }, 'en')).toBe('1,234 tokens');
    expect(t('summaryPageTokens', { tokens: 0 }, 'en')).toBe('0 tokens');
    expect(t('summaryPageTokensApprox', { tokens: '1' }, 'en')).toBe('≈1 token');
    expect(t('historyImported', { imported: 1, skipped: 1 }, 'en')).toBe('Imported 1 conversation; 1 was already there.');
    expect(t('summaryProgress', { done: 0, total: 1 }, 'en')).toBe('0 of 1 section');
    expect(t('summaryPageTokens', { tokens: 1 }, 'zh-CN')).toBe('1 个 token');
    expect(t('summaryPageTokens', { tokens: 2 }, 'zh-CN')).toBe('2 个 token');
  });

  it('never says "1 tokens" (or any plural noun after a lone 1) in English', () => {
    const en = readdirSync('locales/en').filter((name) => name.endsWith('.json') && name !== 'manifest.json');
    const keys = en.flatMap((name) => Object.keys(JSON.parse(readFileSync(`locales/en/${name}`, 'utf8')) as object));
    const offenders = keys.flatMap((key) => {
      if (!isMessageKey(key)) return [];
      const names = [...t(key, {}, 'en').matchAll(/\{(\w+)/g)].map((m) => m[1]!);
      const text = t(key, Object.fromEntries(names.map((name) => [name, 1])), 'en');
      return /(^|[^\d.,])1 (tokens|sections|messages|conversations|passages|questions|models|paragraphs|requests|parts|calls|actions|earlier messages)\b/.test(
        text,
      )
        ? [`${key}: ${text}`]
        : [];
    });
    expect(offenders).toEqual([]);
  });

  it('follows the browser language unless a locale is chosen', () => {
    expect(resolveLocale('auto', 'zh-TW')).toBe('zh-CN');
    expect(resolveLocale('auto', 'zh')).toBe('zh-CN');
    expect(resolveLocale('auto', 'en-GB')).toBe('en');
    expect(resolveLocale('auto', 'ja')).toBe('en');
    expect(resolveLocale('zh-CN', 'en-US')).toBe('zh-CN');
  });
});
