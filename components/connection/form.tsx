import { resolveBaseURL, type ResolvedEndpoint } from '@/utils/llm/endpoint';
import { t } from '@/utils/i18n';
import type { ConnectionDraft, KeyStatus } from '@/utils/llm/connection';
import { keyRequired, PROVIDERS, type ProviderId } from '@/utils/llm/providers';
import { BaseUrlInput, ProviderSelect } from './fields';
import { KeyInput } from './key-input';
import { ModelCombobox } from '@/components/model-combobox';
import { StatusMessage } from '@/components/status-message';
import type { Status } from '@/utils/ui/status';

export interface ConnectionFormProps {
  draft: ConnectionDraft & { apiKey: string };
  keyStatus: KeyStatus;
  models: string[];
  busy: 'test' | 'save' | 'models' | null;
  status: Status | null;
  onChange(draft: ConnectionDraft & { apiKey: string }): void;
  onTest(): void;
  onSave(): void;
  onLoadModels(): void;
}

/** Resolves the typed base URL for the hint line; undefined while it is not a valid URL. */
function tryResolve(baseURL: string): ResolvedEndpoint | undefined {
  try {
    return resolveBaseURL(baseURL);
  } catch {
    return undefined;
  }
}

/** Provider, base URL, key and model, with Test connection and Save. */
export function ConnectionForm(props: ConnectionFormProps) {
  const { draft, keyStatus, models, busy, status } = props;
  const endpoint = tryResolve(draft.baseURL);
  const needsKey = keyRequired(draft.provider);
  const set = (patch: Partial<ConnectionFormProps['draft']>) => props.onChange({ ...draft, ...patch });

  const chooseProvider = (provider: ProviderId) => {
    const preset = PROVIDERS[provider];
    // A preset fills its own endpoint and a model that exists there; "custom" keeps what was typed.
    set({
      provider,
      baseURL: preset.baseURL || (provider === 'custom' ? draft.baseURL : ''),
      model: preset.model || (provider === 'custom' ? draft.model : ''),
      apiKey: '',
    });
  };

  return (
    <form
      class="card"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave();
      }}
    >
      <h2>{t('connectionHeading')}</h2>

      <ProviderSelect value={draft.provider} onChoose={chooseProvider} />

      <BaseUrlInput value={draft.baseURL} onInput={(baseURL) => set({ baseURL })} />
      <p class="hint">
        {draft.provider === 'azure' && <span>{t('azureHint')} </span>}
        {endpoint && <span>{t('baseUrlHint', { url: endpoint.baseURL })}</span>}
        {!endpoint && draft.baseURL.trim() && <span class="warning">{t('error_invalid_base_url')}</span>}
      </p>
      {endpoint?.insecure && <p class="warning">{t('error_insecure_base_url')}</p>}

      <label for="api-key">{t('apiKeyLabel')}</label>
      <KeyInput
        id="api-key"
        value={draft.apiKey}
        placeholder={
          keyStatus.hasKey
            ? t('apiKeyPlaceholderSaved', { hint: keyStatus.hint })
            : needsKey
              ? t('apiKeyPlaceholderEmpty')
              : t('apiKeyNotNeeded')
        }
        onInput={(apiKey) => set({ apiKey })}
      />
      {PROVIDERS[draft.provider].keyPage && (
        <p class="hint">
          <a href={PROVIDERS[draft.provider].keyPage} target="_blank" rel="noopener noreferrer">
            {PROVIDERS[draft.provider].keyPage}
          </a>
        </p>
      )}

      <label for="model">{t('modelLabel')}</label>
      <div class="row">
        <ModelCombobox id="model" value={draft.model} options={models} onInput={(model) => set({ model })} />
        <button type="button" class="secondary" disabled={busy !== null} onClick={props.onLoadModels}>
          {t('loadModels')}
        </button>
      </div>
      <p class="hint">{t('modelHint')}</p>

      <div class="actions">
        <button type="button" aria-busy={busy === 'test'} disabled={busy !== null} onClick={props.onTest}>
          {t('testConnection')}
        </button>
        <button type="submit" class="primary" disabled={busy !== null}>
          {t('save')}
        </button>
      </div>
      <StatusMessage status={status} />
      <p class="hint">{t('keyStorageNote')}</p>
    </form>
  );
}
