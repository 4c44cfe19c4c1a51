import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { t } from '@/utils/i18n';
import { currentSection, SETTINGS_SECTIONS, sectionForHash } from '@/utils/ui/settings-sections';

describe('settings sections and addresses', () => {
  it('maps each section’s own hash to it, with or without #, in any case', () => {
    for (const { id } of SETTINGS_SECTIONS) {
      expect(sectionForHash(`#${id}`)).toBe(id);
      expect(sectionForHash(id.toUpperCase())).toBe(id);
    }
  });

  it('keeps the addresses other pages open (#usage, #translate, #actions) and understands the obvious other names', () => {
    expect(sectionForHash('#usage')).toBe('usage');
    expect(sectionForHash('#translate')).toBe('translate');
    expect(sectionForHash('#actions')).toBe('actions');
    expect(sectionForHash('#prices')).toBe('usage');
    expect(sectionForHash('#budgets')).toBe('usage');
    expect(sectionForHash('#translation')).toBe('translate');
    expect(sectionForHash('#summary')).toBe('summaries');
  });

  it('names no section for an empty or unknown hash', () => {
    expect(sectionForHash('')).toBeNull();
    expect(sectionForHash('#')).toBeNull();
    expect(sectionForHash('#nowhere')).toBeNull();
    expect(sectionForHash('#constructor')).toBeNull();
    expect(sectionForHash('#%E0')).toBeNull();
  });

  it('the hashes the rest of Glance links to all name a section', () => {
    const linked = ['entrypoints/popup/App.tsx', 'utils/translate/background/handlers.ts']
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const hashes = [...linked.matchAll(/options\.html(#[\w-]+)/g)].map((match) => match[1]!);
    // The cards' openSettings message names its sections in the protocol: `section?: 'translate' | 'usage'`.
    const protocol = readFileSync('utils/protocol.ts', 'utf8').match(/openSettings: \{ request: \{ section\?: ([^;}]+)/)![1]!;
    const named = [...protocol.matchAll(/'([\w-]+)'/g)].map((match) => match[1]!);
    expect(hashes).toContain('#usage');
    expect(named).toEqual(expect.arrayContaining(['translate', 'usage']));
    for (const hash of [...hashes, ...named]) expect(sectionForHash(hash), hash).not.toBeNull();
  });

  it('has ids unique on the page and a label in both languages', () => {
    const ids = SETTINGS_SECTIONS.map((section) => section.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { label } of SETTINGS_SECTIONS) {
      expect(t(label, undefined, 'en')).not.toBe(t(label, undefined, 'zh-CN'));
    }
  });
});

describe('the section being read', () => {
  const tops = (values: number[]) => SETTINGS_SECTIONS.slice(0, values.length).map(({ id }, i) => ({ id, top: values[i]! }));

  it('is the first section at the top of the page', () => {
    expect(currentSection(tops([24, 600, 1400]), 80)).toBe('connection');
  });

  it('is the last section whose top passed the reading line', () => {
    expect(currentSection(tops([-900, -200, 60, 700]), 80)).toBe('summaries');
    expect(currentSection(tops([-900, -200, -10, 700]), 80)).toBe('summaries');
    expect(currentSection(tops([-900, -200, 81, 700]), 80)).toBe('chat');
  });

  it('falls back to the first section when nothing is measured', () => {
    expect(currentSection([], 80)).toBe('connection');
  });
});
