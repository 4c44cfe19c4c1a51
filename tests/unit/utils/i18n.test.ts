import { describe, expect, it } from 'vitest';
import enChat from '../../../locales/en/chat.json';
import enCommon from '../../../locales/en/common.json';
import enErrors from '../../../locales/en/errors.json';
import enOptions from '../../../locales/en/options.json';
import zhChat from '../../../locales/zh-CN/chat.json';
import zhCommon from '../../../locales/zh-CN/common.json';
import zhErrors from '../../../locales/zh-CN/errors.json';
import zhOptions from '../../../locales/zh-CN/options.json';
import enManifest from '../../../locales/en/manifest.json';
import zhManifest from '../../../locales/zh-CN/manifest.json';
import { ERROR_CODES } from '../../../utils/errors';
import { resolveLocale, t } from '../../../utils/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const pairs = [
    [enCommon, zhCommon],
    [enErrors, zhErrors],
    [enOptions, zhOptions],
    [enManifest, zhManifest],
    [enChat, zhChat],
  ] as const;

  it('has every English key in Chinese, with the same placeholders, and no untranslated copies', () => {
    for (const [en, zh] of pairs) {
      expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        const zhText = (zh as Record<string, string>)[key]!;
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

  it('follows the browser language unless a locale is chosen', () => {
    expect(resolveLocale('auto', 'zh-TW')).toBe('zh-CN');
    expect(resolveLocale('auto', 'zh')).toBe('zh-CN');
    expect(resolveLocale('auto', 'en-GB')).toBe('en');
    expect(resolveLocale('auto', 'ja')).toBe('en');
    expect(resolveLocale('zh-CN', 'en-US')).toBe('zh-CN');
  });
});
