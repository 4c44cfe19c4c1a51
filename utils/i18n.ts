import { addMessages, type Locale } from './i18n-core';
import { messages as en } from './messages-en';
import { messages as zh } from './messages-zh-cn';

/**
 * Every interface string of both languages: importing this module gives `t` all of them (the unit
 * tests run with it). The built background and scripts injected in pages get, in its place, only
 * the strings their code names (`scriptMessages` in scripts/message-keys.ts). In-page scripts that
 * show only a few strings import utils/i18n-core.ts instead and are given those
 * (utils/pagetranslate/background/launcher.ts).
 *
 * The extension's pages are built with utils/i18n-pages.ts in place of this module (see
 * `messagesOnDemand` in wxt.config.ts): they load only the interface language's strings, with
 * `loadMessages`, before their first render (utils/ui/render-page.tsx).
 */
export * from './i18n-core';

addMessages('en', en);
addMessages('zh-CN', zh);

/** Makes a locale's strings available to `t`: here they all are already. */
export function loadMessages(_locale: Locale): Promise<void> {
  return Promise.resolve();
}
