import { render, type VNode } from 'preact';
import { loadMessages, resolveLocale, setLocale, type Locale } from '@/utils/i18n';
import { getSettings } from '@/utils/settings';

/**
 * Loads the interface language's strings and sets the page's locale. The browser's language (what
 * `auto` follows) starts loading at once, alongside the settings read, so the usual case waits for
 * one of the two, not both. `also` loads more languages (the settings page compares texts across both).
 */
export async function loadPageLocale(also: Locale[] = []): Promise<void> {
  const guess = resolveLocale('auto');
  const early = loadMessages(guess);
  const extra = also.map((locale) => loadMessages(locale));
  const locale = resolveLocale((await getSettings()).uiLanguage);
  await Promise.all([locale === guess ? early : loadMessages(locale), ...extra]);
  setLocale(locale);
}

/**
 * Renders a page's app into its `#app` once the strings of its interface language are loaded:
 * the pages carry one language, loaded on demand (utils/i18n-pages.ts), and a page that rendered
 * first would show message keys or English before Chinese. If the strings cannot be loaded (an
 * extension updated under an open page), the page still renders.
 */
export async function renderPage(app: VNode, options: { locales?: Locale[] } = {}): Promise<void> {
  await loadPageLocale(options.locales).catch((error: unknown) => console.error('Glance: strings not loaded', error));
  render(app, document.getElementById('app')!);
}
