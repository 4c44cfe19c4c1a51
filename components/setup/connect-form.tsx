import { BaseUrlInput, ProviderSelect } from '@/components/connection/fields';
import { KeyInput } from '@/components/connection/key-input';
import { StatusMessage } from '@/components/status-message';
import { t } from '@/utils/i18n';
import type { ConnectionDraft, KeyStatus } from '@/utils/llm/connection';
import { keyRequired, PROVIDERS, type ProviderId } from '@/utils/llm/providers';
import { asksForBaseURL, asksForModel } from '@/utils/setup/welcome-logic';
import type { Status } from '@/utils/ui/status';

export type WelcomeDraft = ConnectionDraft & { apiKey: string };

export interface ConnectFormProps {
  draft: WelcomeDraft;
  /** Whether this provider already has a key saved (then an empty field tests that one). */
  keyStatus: KeyStatus;
  busy: boolean;
  status: Status | null;
  onChange(draft: WelcomeDraft): void;
  onTestAndSave(): void;
}

/**
 * The welcome page's first two steps: the provider (a preset fills its endpoint and model; a relay
 * asks for its base URL), the key, and one button that tests and, only when that works, saves.
 */
export function ConnectForm({ draft, keyStatus, busy, status, onChange, onTestAndSave }: ConnectFormProps) {
  const preset = PROVIDERS[draft.provider];
  const set = (patch: Partial<WelcomeDraft>) => onChange({ ...draft, ...patch });
  const choose = (provider: ProviderId) =>
    set({ provider, baseURL: PROVIDERS[provider].baseURL, model: PROVIDERS[provider].model });

  return (
    <form
      class="card welcome-step"
      onSubmit={(event) => {
        event.preventDefault();
        onTestAndSave();
      }}
    >
      <h2>{t('welcomeStepProvider')}</h2>
      <ProviderSelect value={draft.provider} onChoose={choose} />
      {asksForBaseURL(draft.provider) ? (
        <>
          <BaseUrlInput value={draft.baseURL} onInput={(baseURL) => set({ baseURL })} />
          <p class="hint">{draft.provider === 'azure' ? t('azureHint') : t('welcomeBaseUrlHint')}</p>
        </>
      ) : (
        <p class="hint">{preset.baseURL}</p>
      )}
      {asksForModel(draft.provider) && (
        <>
          <label for="model">{t('modelLabel')}</label>
          <input
            id="model"
            type="text"
            spellcheck={false}
            value={draft.model}
            onInput={(e) => set({ model: e.currentTarget.value })}
          />
          <p class="hint">{t('welcomeModelHint')}</p>
        </>
      )}

      <h2 class="welcome-subheading">{t('welcomeStepKey')}</h2>
      <label for="api-key">{t('apiKeyLabel')}</label>
      <KeyInput
        id="api-key"
        value={draft.apiKey}
        placeholder={
          keyStatus.hasKey
            ? t('apiKeyPlaceholderSaved', { hint: keyStatus.hint })
            : keyRequired(draft.provider)
              ? t('apiKeyPlaceholderEmpty')
              : t('welcomeNoKeyNeeded')
        }
        onInput={(apiKey) => set({ apiKey })}
      />
      {preset.keyPage && (
        <p class="hint">
          {t('welcomeKeyWhere')}{' '}
          <a href={preset.keyPage} target="_blank" rel="noopener noreferrer">
            {preset.keyPage}
          </a>
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" aria-busy={busy} disabled={busy}>
          {t('testAndSave')}
        </button>
      </div>
      <StatusMessage status={status} />
      <p class="hint">{t('keyStorageNote')}</p>
    </form>
  );
}
