import { addMessages, setLocale } from '@/utils/i18n-core';
import { PAGE_BRIDGE_KEY, type PageBridge } from '@/utils/pagetranslate/page/bridge';
import { collectParagraphs } from '@/utils/pagetranslate/page/collect';
import { PageTranslation } from '@/utils/pagetranslate/page/controller';
import { estimatePage, pageTarget } from '@/utils/pagetranslate/page/estimate';
import type { PageCommand, PageStatus, PageTranslateConfig } from '@/utils/pagetranslate/types';
import { showIndicator, type Indicator } from './indicator';

/** Puts the bridge in place (once per frame) for the background's commands. */
export function installPageTranslation(): void {
  const scope = globalThis as unknown as Record<string, PageBridge | undefined>;
  if (scope[PAGE_BRIDGE_KEY]) return;
  let current: PageTranslation | undefined;
  let indicator: Indicator | undefined;
  const idle = (config: PageTranslateConfig): PageStatus => ({
    active: false,
    mode: 'original',
    translated: 0,
    pending: 0,
    tokens: 0,
    estimate: estimatePage(config),
  });
  const run = (command: PageCommand, config: PageTranslateConfig): PageStatus => {
    addMessages(config.uiLanguage, config.messages);
    setLocale(config.uiLanguage, { documentLang: false });
    if (command === 'start' && !current) {
      // Found once: the target language is judged on them, and the translation starts from them.
      const paragraphs = collectParagraphs(document.body ?? document.documentElement, config);
      const target = config.target || pageTarget(config, paragraphs);
      current = new PageTranslation({ ...config, target }, () => indicator?.update(current?.status()));
      indicator = showIndicator((next) => void run(next, config));
      current.start(paragraphs);
    } else if (current) {
      if (command === 'stop') {
        current.stop();
        current = undefined;
        indicator?.remove();
        indicator = undefined;
      } else if (command === 'resume') current.resume();
      else if (command === 'bilingual' || command === 'translation' || command === 'original') current.setMode(command);
    }
    const status = current?.status() ?? idle(config);
    indicator?.update(status);
    return status;
  };
  scope[PAGE_BRIDGE_KEY] = { command: run };
}
