import { addMessages, setLocale } from '@/utils/i18n-core';
import { PAGE_BRIDGE_KEY, type PageBridge } from '@/utils/pagetranslate/page/bridge';
import { collectParagraphs } from '@/utils/pagetranslate/page/collect';
import { PageTranslation } from '@/utils/pagetranslate/page/controller';
import { estimatePage, pageTarget } from '@/utils/pagetranslate/page/estimate';
import type { PageCommand, PageStatus, PageTranslateConfig } from '@/utils/pagetranslate/types';
import { showIndicator, type Indicator } from './indicator';

/** A translation prepared while the popup is open and not started this long after is let go. */
const PREPARED_MS = 60_000;

interface Prepared {
  translation: PageTranslation;
  paragraphs: readonly Element[];
  /** The settings it was prepared with: other settings at the start prepare it anew. */
  key: string;
  timer?: ReturnType<typeof setTimeout>;
}

/** Puts the bridge in place (once per frame) for the background's commands. */
export function installPageTranslation(): void {
  const scope = globalThis as unknown as Record<string, PageBridge | undefined>;
  if (scope[PAGE_BRIDGE_KEY]) return;
  let current: PageTranslation | undefined;
  let indicator: Indicator | undefined;
  let prepared: Prepared | undefined;

  const collect = (config: PageTranslateConfig) => collectParagraphs(document.body ?? document.documentElement, config);
  const letGo = () => {
    if (!prepared) return;
    clearTimeout(prepared.timer);
    prepared.translation.stop();
    prepared = undefined;
  };
  /**
   * The translation for these settings, its paragraphs found and watched but nothing sent: made
   * when the popup first reads the page (for its estimate), so Translate page starts at once.
   */
  const prepare = (config: PageTranslateConfig): Prepared => {
    const key = JSON.stringify(config);
    if (prepared?.key !== key) {
      letGo();
      // Found once: the target language is judged on them, and the translation starts from them.
      const paragraphs = collect(config);
      const target = config.target || pageTarget(config, paragraphs);
      const translation = new PageTranslation({ ...config, target }, () => indicator?.update(current?.status()));
      translation.prepare(paragraphs);
      prepared = { translation, paragraphs, key };
    }
    clearTimeout(prepared.timer);
    prepared.timer = setTimeout(letGo, PREPARED_MS);
    return prepared;
  };
  const run = (command: PageCommand, config: PageTranslateConfig): PageStatus => {
    addMessages(config.uiLanguage, config.messages);
    setLocale(config.uiLanguage, { documentLang: false });
    if (command === 'start' && !current) {
      current = prepare(config).translation;
      clearTimeout(prepared?.timer);
      prepared = undefined;
      indicator = showIndicator((next) => void run(next, config));
      current.start();
    } else if (current) {
      if (command === 'stop') {
        current.stop();
        current = undefined;
        indicator?.remove();
        indicator = undefined;
      } else if (command === 'resume') current.resume();
      else if (command === 'bilingual' || command === 'translation' || command === 'original') current.setMode(command);
    } else if (command === 'stop') letGo();
    if (current) {
      const status = current.status();
      indicator?.update(status);
      return status;
    }
    // After Stop the page is left as it was: nothing prepared, nothing watching.
    const paragraphs = command === 'stop' ? collect(config) : prepare(config).paragraphs;
    return { active: false, mode: 'original', translated: 0, pending: 0, tokens: 0, estimate: estimatePage(paragraphs) };
  };
  scope[PAGE_BRIDGE_KEY] = { command: run };
}
