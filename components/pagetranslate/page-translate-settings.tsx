import { useState } from 'preact/hooks';
import { SettingsCard } from '@/components/settings-card';
import { t } from '@/utils/i18n';
import { updateSettings, type Settings } from '@/utils/settings';

/** The settings page's Page translation card: the per-page token cap and "main content only". */
export function PageTranslateSettings({ settings }: { settings: Settings }) {
  const [capText, setCapText] = useState(String(settings.pageTranslateCap));
  const commitCap = () => {
    const value = Number(capText);
    if (Number.isFinite(value) && value > 0) void updateSettings({ pageTranslateCap: value });
    else setCapText(String(settings.pageTranslateCap));
  };
  return (
    <SettingsCard heading={t('pageTranslateTitle')}>
      <label for="page-translate-cap">{t('pageTranslateCapLabel')}</label>
      <input
        id="page-translate-cap"
        type="number"
        inputMode="numeric"
        min={1000}
        step={1000}
        value={capText}
        onInput={(event) => setCapText(event.currentTarget.value)}
        onBlur={commitCap}
      />
      <label class="row">
        <input
          type="checkbox"
          checked={settings.pageTranslateMainOnly}
          onChange={(event) => void updateSettings({ pageTranslateMainOnly: event.currentTarget.checked })}
        />
        {t('pageTranslateMainOnlyLabel')}
      </label>
    </SettingsCard>
  );
}
