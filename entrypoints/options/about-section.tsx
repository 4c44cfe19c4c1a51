import { browser } from 'wxt/browser';
import { SettingsCard } from '@/components/settings-card';
import { t } from '@/utils/i18n';

/** About Glance: the version, where the key goes, and where shortcuts are changed. */
export function AboutSection() {
  const { version } = browser.runtime.getManifest();
  return (
    <SettingsCard heading={t('aboutHeading')}>
      <p>{t('aboutVersion', { version })}</p>
      <p>{t('aboutPrivacy')}</p>
      <p class="hint">{t('aboutShortcuts')}</p>
    </SettingsCard>
  );
}
