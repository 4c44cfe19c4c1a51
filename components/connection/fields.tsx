import { t, type MessageKey } from '@/utils/i18n';
import { PROVIDER_IDS, type ProviderId } from '@/utils/llm/providers';

/** The "Provider" select, for the settings page and the welcome page alike. */
export function ProviderSelect({ value, onChoose }: { value: ProviderId; onChoose(provider: ProviderId): void }) {
  return (
    <>
      <label for="provider">{t('providerLabel')}</label>
      <select id="provider" value={value} onChange={(e) => onChoose(e.currentTarget.value as ProviderId)}>
        {PROVIDER_IDS.map((id) => (
          <option key={id} value={id}>
            {t(`provider_${id}` as MessageKey)}
          </option>
        ))}
      </select>
    </>
  );
}

/** The "Base URL" field (its hint is the caller's: the two pages explain it differently). */
export function BaseUrlInput({ value, onInput }: { value: string; onInput(value: string): void }) {
  return (
    <>
      <label for="base-url">{t('baseUrlLabel')}</label>
      <input
        id="base-url"
        type="text"
        inputMode="url"
        spellcheck={false}
        value={value}
        placeholder="https://api.example.com/v1"
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </>
  );
}
