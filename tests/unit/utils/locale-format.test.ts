/**
 * Dates and numbers follow the interface language, not the browser's: every one goes through
 * utils/locale-format.ts, which formats in the interface locale.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '@/utils/i18n';
import { formatDate, formatDateTime, formatNumber } from '@/utils/locale-format';

const HELPER = 'utils/locale-format.ts';
// 2026-03-05 14:07 in the machine's time zone: the month and day differ, so their order shows.
const MOMENT = new Date(2026, 2, 5, 14, 7);

afterEach(() => setLocale('en'));

describe('locale-format', () => {
  it('formats in the interface language by default', () => {
    setLocale('zh-CN');
    expect(formatDate(MOMENT)).toBe('2026年3月5日');
    expect(formatDateTime(MOMENT)).toMatch(/^2026年3月5日 14:07$/);
    expect(formatNumber(1234567)).toBe('1,234,567');
    setLocale('en');
    expect(formatDate(MOMENT)).toBe('Mar 5, 2026');
    expect(formatDateTime(MOMENT)).toMatch(/^Mar 5, 2026, 2:07\s?PM$/);
    expect(formatNumber(1234567.5)).toBe('1,234,567.5');
  });

  it('takes an explicit locale (the background formats for the interface language it was told)', () => {
    setLocale('en');
    expect(formatDate(MOMENT, 'zh-CN')).toBe('2026年3月5日');
    expect(formatDate(MOMENT.getTime(), 'en')).toBe('Mar 5, 2026');
  });

  it('reuses its formatters per locale (a new one in every table row would be slow)', () => {
    const first = formatNumber(1, 'en');
    for (let i = 0; i < 1000; i++) formatNumber(i, 'en');
    expect(first).toBe('1');
  });
});

/** Every .ts and .tsx file under the source folders, as paths from the repository root. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [file] : [];
  });
}

/** Calls that format a date or a number in whatever locale the browser has (lower/upper case is not formatting). */
const LOCALE_CALL =
  /\.toLocale(?:Date|Time)?String\(|\bIntl\.(?:DateTimeFormat|NumberFormat|RelativeTimeFormat|PluralRules|ListFormat)\b/;

describe('dates and numbers in the source', () => {
  it('are formatted only through utils/locale-format.ts', () => {
    const offenders = ['components', 'entrypoints', 'utils']
      .flatMap(sources)
      .filter((file) => file !== HELPER)
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => [line, index] as const)
          .filter(([line]) => LOCALE_CALL.test(line))
          .map(([line, index]) => `${file}:${index + 1}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it('the check catches what it is for', () => {
    expect(LOCALE_CALL.test('new Date(call.time).toLocaleString()')).toBe(true);
    expect(LOCALE_CALL.test('day.toLocaleDateString()')).toBe(true);
    expect(LOCALE_CALL.test('new Intl.NumberFormat(locale)')).toBe(true);
    expect(LOCALE_CALL.test('title.toLocaleLowerCase().includes(needle)')).toBe(false);
  });
});
