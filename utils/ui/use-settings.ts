import { useEffect, useState } from 'preact/hooks';
import { loadMessages, resolveLocale, setLocale } from '@/utils/i18n';
import { getSettings, watchSettings, type Settings } from '@/utils/settings';

/** The settings read started before the page's first render (see prefetchSettings). */
let early: Promise<Settings> | undefined;

/**
 * Starts reading the settings now: a hook's effect runs only after the page's first paint, and a
 * page that shows nothing until its settings arrive (the popup) opens a frame sooner when the
 * read overlaps that render. The first useSettings uses the result.
 */
export function prefetchSettings(): void {
  early = getSettings();
  early.catch(() => undefined);
}

/**
 * The current settings for an extension page, kept live; also keeps the page's locale in step
 * with the interface-language setting (its strings loaded first: a page carries only the
 * language it shows). Undefined until loaded.
 */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
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
    const first = early ?? getSettings();
    early = undefined;
    void first.then(apply);
    return watchSettings(apply);
  }, []);
  return settings;
}
