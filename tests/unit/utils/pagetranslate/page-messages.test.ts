import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageConfig } from '@/utils/pagetranslate/background/launcher';
import { PAGE_MESSAGES } from '@/utils/pagetranslate/types';
import { DEFAULT_SETTINGS } from '@/utils/settings';

/** The page script's own sources (entrypoints/page-translate and what only it runs). */
const SOURCES = ['entrypoints/page-translate', 'utils/pagetranslate/page'].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(dir, name)),
);

describe('the page script’s strings', () => {
  it('are all among those the background gives it, since it carries no dictionary', () => {
    const used = new Set<string>();
    for (const file of SOURCES) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\('(\w+)'/g)) used.add(match[1]!);
      for (const match of source.matchAll(/label: '(\w+)'/g)) used.add(match[1]!);
    }
    // The errors it makes itself: the shared stream client's and an unknown error's.
    used.add('error_disconnected');
    used.add('error_unknown');
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((key) => !(PAGE_MESSAGES as readonly string[]).includes(key))).toEqual([]);
  });

  it('never pull in every language’s dictionary (utils/i18n.ts)', () => {
    for (const file of [...SOURCES, 'utils/errors.ts', 'utils/stream-client.ts']) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from '(@\/utils|\.)\/i18n'/);
    }
  });

  it('arrive in the interface language, placeholders left for the page to fill', () => {
    const zh = pageConfig({ ...DEFAULT_SETTINGS, uiLanguage: 'zh-CN' }, 'zh-CN');
    expect(Object.keys(zh.messages).sort()).toEqual([...PAGE_MESSAGES].sort());
    expect(zh.messages.pageStopTranslating).toMatch(/[\u4e00-\u9fff]/);
    const en = pageConfig(DEFAULT_SETTINGS, 'en');
    expect(en.messages.pageStopTranslating).toBe('Stop translating');
  });
});
