/**
 * One vocabulary per language (locales/glossary/*.json): every string of the interface uses the
 * glossary's word for a thing, and the Chinese interface has no English left untranslated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Term {
  en: string;
  'zh-CN'?: string;
  avoid?: string[];
}
interface Glossary {
  terms: Term[];
  keepInLatin?: string[];
}

const read = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
const glossary = (language: string) => read<Glossary>(`locales/glossary/${language}.json`);

/** Every string of a language, as `file:key` → text. */
function strings(language: string): [string, string][] {
  return readdirSync(`locales/${language}`)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) =>
      Object.entries(read<Record<string, string>>(`locales/${language}/${name}`)).map(
        ([key, text]) => [`${name}:${key}`, text] as [string, string],
      ),
    );
}

/** Placeholders, web addresses, host names and paths are not words of the interface. */
function withoutCode(text: string): string {
  return text
    .replace(/\{\{?\w+\}\}?/g, ' ')
    .replace(/[a-z-]+:\/\/\S+/g, ' ')
    .replace(/[\w-]+(\.[\w-]+)+/g, ' ')
    .replace(/\/\w+/g, ' ');
}

/** Latin-letter words as whole words (a word inside another, like "token" in "tokens", is not one). */
const latinWords = (text: string) => withoutCode(text).match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];

/** Where `word` occurs in `text`: as a whole word when it is Latin, anywhere when it is Chinese. */
function contains(text: string, word: string): boolean {
  if (!/[A-Za-z]/.test(word)) return text.includes(word);
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z])${escaped}([^A-Za-z]|$)`).test(withoutCode(text));
}

/** The strings of a language that use a word the glossary says to avoid, as `file:key uses "word"`. */
function avoided(language: string, extra: (term: Term) => string[] = () => []): string[] {
  const { terms } = glossary(language);
  return strings(language).flatMap(([where, text]) =>
    [...new Set(terms.flatMap((term) => [...(term.avoid ?? []), ...extra(term)]))]
      .filter((word) => contains(text, word))
      .map((word) => `${where} uses "${word}"`),
  );
}

describe('the zh-CN vocabulary', () => {
  it('uses the glossary’s term and never a word it replaces (摘要, never 总结; token, never tokens or 词元)', () => {
    // A term whose Chinese differs from its English must not appear in English either.
    const english = (term: Term) => (term['zh-CN'] && term['zh-CN'] !== term.en ? [term.en] : []);
    expect(avoided('zh-CN', english)).toEqual([]);
  });

  it('has no Latin-letter word the glossary does not keep (names, formats, keys, token)', () => {
    const keep = new Set(glossary('zh-CN').keepInLatin);
    const untranslated = strings('zh-CN').flatMap(([where, text]) =>
      latinWords(text)
        .filter((word) => !keep.has(word))
        .map((word) => `${where} has "${word}"`),
    );
    expect(untranslated).toEqual([]);
  });

  it('catches the mistakes it is for', () => {
    expect(contains('正在总结…', '总结')).toBe(true);
    expect(contains('输入 {input} tokens · 输出', 'tokens')).toBe(true);
    expect(contains('{tokens} 个 token', 'tokens')).toBe(false);
    expect(contains('请检查 Base URL。', 'Base URL')).toBe(true);
    expect(latinWords('用 {{language}} 打开 https://api.openai.com/v1 和 docs.example.com：Summary')).toEqual(['Summary']);
  });

  it('translates every term of the glossary somewhere it is used, with the glossary’s word', () => {
    const all = strings('zh-CN').map(([, text]) => text);
    for (const term of glossary('zh-CN').terms) {
      expect(
        all.some((text) => text.includes(term['zh-CN']!)),
        term.en,
      ).toBe(true);
    }
  });
});

describe('the English vocabulary', () => {
  it('uses one word for each thing (the glossary lists the ones it replaces)', () => {
    expect(avoided('en')).toEqual([]);
  });
});
