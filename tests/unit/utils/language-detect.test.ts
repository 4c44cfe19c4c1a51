import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage, sameLanguage } from '@/utils/language-detect';

const FIXTURES = path.resolve('tests/fixtures/translate');
const lines = (file: string) =>
  readFileSync(path.join(FIXTURES, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim());

/** Share of lines whose detected code starts with `expected` ('zh' accepts zh-CN and zh-TW). */
function accuracy(file: string, expected: string): { share: number; wrong: string[] } {
  const all = lines(file);
  const wrong = all.filter((line) => !detectLanguage(line).code.startsWith(expected));
  return { share: 1 - wrong.length / all.length, wrong };
}

describe('detectLanguage on the Tatoeba sentences', () => {
  it.each([
    ['tatoeba.cmn-eng.cmn', 'zh'],
    ['tatoeba.cmn-eng.eng', 'en'],
    ['tatoeba.jpn-eng.jpn', 'ja'],
    ['tatoeba.ara-eng.ara', 'ar'],
    ['tatoeba.heb-eng.heb', 'he'],
    ['tatoeba.heb-eng.eng', 'en'],
  ])('%s is detected as %s on at least 95%% of its sentences', (file, expected) => {
    const { share, wrong } = accuracy(file, expected);
    expect(lines(file).length).toBeGreaterThanOrEqual(250);
    expect(share, wrong.slice(0, 5).join(' | ')).toBeGreaterThanOrEqual(0.95);
  });
});

describe('detectLanguage', () => {
  it('tells the two Chinese scripts apart', () => {
    expect(detectLanguage('這個問題我們以後再說吧').code).toBe('zh-TW');
    expect(detectLanguage('这个问题我们以后再说吧').code).toBe('zh-CN');
  });

  it('reads Han characters with kana as Japanese, and a kana-free Chinese sentence as Chinese', () => {
    expect(detectLanguage('漢字を学ばないで日本語の勉強はできない。').code).toBe('ja');
    expect(detectLanguage('我不知道应该说什么。').code).toBe('zh-CN');
  });

  it('weighs scripts: a Chinese sentence with an English name is Chinese, an English one quoting Chinese is English', () => {
    expect(detectLanguage('今天是６月１８号，也是Muiriel的生日！').code).toBe('zh-CN');
    expect(detectLanguage('The word 你好 means hello in Chinese.').code).toBe('en');
  });

  it('separates the Latin-script languages by their common words and letters', () => {
    expect(detectLanguage('Le chat est sur la table et il dort.').code).toBe('fr');
    expect(detectLanguage('Der Hund ist nicht im Haus, und ich weiß es.').code).toBe('de');
    expect(detectLanguage('El perro está en la casa y no quiere salir.').code).toBe('es');
    expect(detectLanguage('O cão não está em casa, mas você sabe.').code).toBe('pt');
    expect(detectLanguage('There is no mistake here.').code).toBe('en');
  });

  it('names other scripts, and says "und" when there are no letters at all', () => {
    expect(detectLanguage('Привет, как дела?').code).toBe('ru');
    expect(detectLanguage('안녕하세요, 만나서 반갑습니다').code).toBe('ko');
    expect(detectLanguage('שלום עולם').code).toBe('he');
    expect(detectLanguage('12 + 30 = 42 !!').code).toBe('und');
    expect(detectLanguage('').code).toBe('und');
  });

  it('handles one character, and reads only the opening of a huge text', () => {
    expect(detectLanguage('猫').code).toBe('zh-CN');
    expect(detectLanguage('a').code).toBe('en');
    // 10,000 characters of Chinese, then 400,000 of English: only the opening is read.
    const huge = `${'这是中文。'.repeat(2000)}${'English words only. '.repeat(20_000)}`;
    expect(detectLanguage(huge).code).toBe('zh-CN');
  });
});

describe('sameLanguage', () => {
  it('compares languages, not regions or scripts', () => {
    expect(sameLanguage('zh-TW', 'zh-CN')).toBe(true);
    expect(sameLanguage('en', 'en-GB')).toBe(true);
    expect(sameLanguage('ja', 'zh-CN')).toBe(false);
  });
});
