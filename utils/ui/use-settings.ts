import { useEffect, useState } from 'preact/hooks';
import { resolveLocale, setLocale } from '@/utils/i18n';
import { getSettings, watchSettings, type Settings } from '@/utils/settings';

/**
 * The current settings for an extension page, kept live; also keeps the page's locale in step
 * with the interface-language setting. Undefined until loaded.
 */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    const apply = (value: Settings) => {
      setLocale(resolveLocale(value.uiLanguage));
      setSettings(value);
    };
    void getSettings().then(apply);
    return watchSettings(apply);
  }, []);
  return settings;
}
