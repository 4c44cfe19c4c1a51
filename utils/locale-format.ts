import { getLocale, type Locale } from '@/utils/i18n';

/**
 * Every date and number Glance shows goes through here, in the interface language (not the
 * browser's): a Chinese interface in an English browser shows Chinese dates everywhere, in Recent
 * calls, the chart and History alike. A unit test (locale-format-usage) keeps other files from
 * calling `toLocaleString` or `Intl` themselves.
 */

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** One formatter per locale and style, made once: building an Intl formatter costs more than using it. */
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter as F;
}

/** A count for people (12,345 or 12,345 in zh-CN), in the interface locale unless one is given. */
export function formatNumber(value: number, locale: Locale = getLocale()): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** A day (Recent calls' chart), as the interface language writes dates. */
export function formatDate(time: number | Date, locale: Locale = getLocale()): string {
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(time);
}

/** A moment (a call, a saved summary, a conversation), date and time, as the interface language writes them. */
export function formatDateTime(time: number | Date, locale: Locale = getLocale()): string {
  return cached(`t:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(time);
}
