import { addMessages, type Locale, type MessageKey } from './i18n-core';

/**
 * utils/i18n.ts as the extension's pages are built (see `messagesOnDemand` in wxt.config.ts): the
 * same `t`, with each language's strings in a chunk of their own, loaded by `loadMessages` when
 * the page first needs that language. A page loads its interface language before it first renders
 * (utils/ui/render-page.tsx), so a Chinese page never shows English first, and it never carries the
 * strings of the language it does not show.
 */
export * from './i18n-core';

const LOADERS: Record<Locale, () => Promise<{ messages: Partial<Record<MessageKey, string>> }>> = {
  en: () => import('./messages-en'),
  'zh-CN': () => import('./messages-zh-cn'),
};

const loading: Partial<Record<Locale, Promise<void>>> = {};

/** Makes a locale's strings available to `t` (loaded once; a failed load is tried again next time). */
export function loadMessages(locale: Locale): Promise<void> {
  loading[locale] ??= LOADERS[locale]().then(
    (module) => addMessages(locale, module.messages),
    (error: unknown) => {
      delete loading[locale];
      throw error;
    },
  );
  return loading[locale];
}
