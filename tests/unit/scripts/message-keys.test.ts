import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keysNamedIn, reachableFiles, usedMessageKeys } from '@/scripts/message-keys';

const root = process.cwd();
const english = Object.assign(
  {},
  ...readdirSync('locales/en')
    .filter((name) => name !== 'manifest.json')
    .map((name) => JSON.parse(readFileSync(`locales/en/${name}`, 'utf8'))),
) as Record<string, string>;
const allKeys = Object.keys(english);

describe('keysNamedIn', () => {
  const keys = ['copy', 'retry', 'error_network', 'error_timeout', 'budgetPeriodDaily', 'menuAskPage'];

  it('counts a key named by a string literal, in either quote', () => {
    expect(keysNamedIn([`t('copy'); const label = "retry";`], keys)).toEqual(new Set(['copy', 'retry']));
  });

  /** Source text with a template literal `fixed${name}` (or `${name}fixed`), written without one here. */
  const template = (before: string, after = '') => `t(\`${before}$\{name}${after}\`)`;

  it('counts every key a template can build, by its fixed start or end', () => {
    expect(keysNamedIn([template('error_')], keys)).toEqual(new Set(['error_network', 'error_timeout']));
    expect(keysNamedIn([template('budgetPeriod')], keys)).toEqual(new Set(['budgetPeriodDaily']));
    expect(keysNamedIn([template('', 'AskPage')], keys)).toEqual(new Set(['menuAskPage']));
  });

  it('does not count a key that appears only inside other text', () => {
    expect(keysNamedIn(['// copy the text, then retry', "'copy text'", 'copyText()'], keys)).toEqual(new Set());
  });
});

describe('the background', () => {
  const entry = 'entrypoints/background/index.ts';

  it('walks our own modules by import, not the packages', () => {
    const files = reachableFiles(entry, root).map((file) => file.slice(root.length + 1));
    expect(files).toContain('entrypoints/background/dispatch.ts');
    expect(files).toContain('utils/errors.ts');
    expect(files.some((file) => file.includes('node_modules'))).toBe(false);
  });

  it('keeps every error message (built from a template), its menus and budget words, and leaves the pages’ strings out', () => {
    const keys = usedMessageKeys(entry, root, allKeys);
    for (const key of allKeys.filter((key) => key.startsWith('error_'))) expect(keys).toContain(key);
    for (const key of ['menuSummarizePage', 'menuTranslateSelection', 'budgetPeriodDaily', 'chatSystemPromptDefault']) {
      expect(keys).toContain(key);
    }
    for (const key of ['optionsTitle', 'providerLabel', 'historySearchLabel']) {
      expect(english).toHaveProperty(key);
      expect(keys).not.toContain(key);
    }
    expect(keys.size).toBeLessThan(allKeys.length / 3);
  });
});
