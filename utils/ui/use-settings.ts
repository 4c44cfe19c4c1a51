import { useLayoutEffect, useState } from 'preact/hooks';
import { loadMessages, resolveLocale, setLocale } from '@/utils/i18n';
import { getSettings, watchSettings, type Settings } from '@/utils/settings';
import { earlyRead } from './early-read';

const settingsRead = earlyRead(getSettings);

/** Starts reading the settings before the page's first render, for the first useSettings (see early-read.ts). */
export function prefetchSettings(): void {
  settingsRead.start();
}

/**
 * The current settings for an extension page, kept live; also keeps the page's locale in step
 * with the interface-language setting (its strings loaded first: a page carries only the
 * language it shows). Undefined until loaded.
 */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  // A layout effect runs as the first render is committed; an effect would wait for a painted
  // frame, and the settings that arrived meanwhile would wait with it.
  useLayoutEffect(() => {
    // Settings that arrive while an earlier value's strings load are applied in order.
    let latest = 0;
    const apply = (value: Settings) => {
      const turn = ++latest;
      const locale = resolveLocale(value.uiLanguage);
      const show = () => {
        if (turn !== latest) return;
        setLocale(locale);
        setSettings(value);
      };
      void loadMessages(locale).then(show, show);
    };
    void settingsRead.take().then(apply);
    return watchSettings(apply);
  }, []);
  return settings;
}
