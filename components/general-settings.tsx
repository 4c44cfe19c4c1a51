import { t, type LocalePreference } from '@/utils/i18n';
import { LanguageSelect } from './language-select';
import { SettingsCard } from './settings-card';

export interface GeneralSettingsProps {
  uiLanguage: LocalePreference;
  targetLanguage: string;
  onChange(patch: { uiLanguage?: LocalePreference; targetLanguage?: string }): void;
}

/** Interface language and the language answers and translations are written in. */
export function GeneralSettings({ uiLanguage, targetLanguage, onChange }: GeneralSettingsProps) {
  return (
    <SettingsCard heading={t('generalHeading')}>
      <label for="ui-language">{t('uiLanguageLabel')}</label>
      <select
        id="ui-language"
        value={uiLanguage}
        onChange={(e) => onChange({ uiLanguage: e.currentTarget.value as LocalePreference })}
      >
        <option value="auto">{t('languageAuto')}</option>
        <option value="en">{t('languageEnglish')}</option>
        <option value="zh-CN">{t('languageChinese')}</option>
      </select>
      <label for="target-language">{t('targetLanguageLabel')}</label>
      <LanguageSelect
        id="target-language"
        value={targetLanguage}
        autoLabel={t('targetLanguageAuto')}
        onChange={(code) => onChange({ targetLanguage: code })}
      />
    </SettingsCard>
  );
}
