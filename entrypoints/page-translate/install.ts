import { addMessages, setLocale } from '@/utils/i18n-core';
import { PAGE_BRIDGE_KEY, type PageBridge } from '@/utils/pagetranslate/page/bridge';
import { collectParagraphs, ParagraphWalk } from '@/utils/pagetranslate/page/collect';
import { PageTranslation } from '@/utils/pagetranslate/page/controller';
import { estimatePage, pageTarget, TARGET_SAMPLE } from '@/utils/pagetranslate/page/estimate';
import type { PageCommand, PageStatus, PageTranslateConfig } from '@/utils/pagetranslate/types';
import { showIndicator, type Indicator } from './indicator';

/** A translation prepared while the popup is open and not started this long after is let go. */
const PREPARED_MS = 60_000;
/** The page's paragraphs are found in tasks of about this long (ms), the page's own work between them. */
const SLICE_MS = 8;

interface Prepared {
  translation: PageTranslation;
  /** The paragraphs found so far, in document order; all of them once `walked` has settled. */
  paragraphs: Element[];
  walked: Promise<void>;
  /** Set when the translation is let go or stopped: the walk ends at its next slice. */
  walking: { cancelled: boolean };
  /** The settings it was prepared with: other settings at the start prepare it anew. */
  key: string;
  timer?: ReturnType<typeof setTimeout>;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The translation for these settings, its paragraphs found and watched but nothing sent. The top
 * of the page (enough paragraphs to judge its language on) is found at once, the rest a slice per
 * task, each slice handed to the translation as it is found: a start during the walk translates
 * what is on screen without waiting for the end of a long page.
 */
function prepareTranslation(config: PageTranslateConfig, key: string, onChange: () => void): Prepared {
  const walk = new ParagraphWalk(document.body ?? document.documentElement, config);
  const paragraphs = walk.next(performance.now() + SLICE_MS, TARGET_SAMPLE);
  const target = config.target || pageTarget(config, paragraphs);
  const translation = new PageTranslation({ ...config, target }, onChange);
  translation.prepare(paragraphs);
  const walking = { cancelled: false };
  const walked = (async () => {
    while (!walk.done) {
      await nextTask();
      if (walking.cancelled) return;
      const more = walk.next(performance.now() + SLICE_MS);
      paragraphs.push(...more);
      translation.add(more);
    }
  })();
  return { translation, paragraphs, walked, walking, key };
}

/** Puts the bridge in place (once per frame) for the background's commands. */
export function installPageTranslation(): void {
  const scope = globalThis as unknown as Record<string, PageBridge | undefined>;
  if (scope[PAGE_BRIDGE_KEY]) return;
  let current: Pick<Prepared, 'translation' | 'walking'> | undefined;
  let indicator: Indicator | undefined;
  let prepared: Prepared | undefined;

  const letGo = () => {
    if (!prepared) return;
    clearTimeout(prepared.timer);
    prepared.walking.cancelled = true;
    prepared.translation.stop();
    prepared = undefined;
  };
  const currentStatus = (): PageStatus | undefined => current?.translation.status();
  /** Made when the popup first reads the page (for its estimate), so Translate page starts at once. */
  const prepare = (config: PageTranslateConfig): Prepared => {
    const key = JSON.stringify(config);
    if (prepared?.key !== key) {
      letGo();
      prepared = prepareTranslation(config, key, () => indicator?.update(currentStatus()));
    }
    clearTimeout(prepared.timer);
    prepared.timer = setTimeout(letGo, PREPARED_MS);
    return prepared;
  };
  const run = async (command: PageCommand, config: PageTranslateConfig): Promise<PageStatus> => {
    addMessages(config.uiLanguage, config.messages);
    setLocale(config.uiLanguage, { documentLang: false });
    if (command === 'start' && !current) {
      current = prepare(config);
      clearTimeout(prepared?.timer);
      prepared = undefined;
      indicator = showIndicator((next) => void run(next, config));
      current.translation.start();
    } else if (current) {
      const { translation } = current;
      if (command === 'stop') {
        current.walking.cancelled = true;
        translation.stop();
        current = undefined;
        indicator?.remove();
        indicator = undefined;
      } else if (command === 'resume') translation.resume();
      else if (command === 'bilingual' || command === 'translation' || command === 'original') translation.setMode(command);
    } else if (command === 'stop') letGo();
    const status = currentStatus();
    if (status) {
      indicator?.update(status);
      return status;
    }
    // After Stop the page is left as it was: nothing prepared, nothing watching.
    const root = document.body ?? document.documentElement;
    if (command === 'stop') return { ...idle, estimate: estimatePage(collectParagraphs(root, config)) };
    const ready = prepare(config);
    await ready.walked;
    // Started while the rest of the page was being found: that is the page's state now.
    return currentStatus() ?? { ...idle, estimate: estimatePage(ready.paragraphs) };
  };
  scope[PAGE_BRIDGE_KEY] = { command: run };
}

const idle: PageStatus = { active: false, mode: 'original', translated: 0, pending: 0, tokens: 0 };
