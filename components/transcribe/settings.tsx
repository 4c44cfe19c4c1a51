import { useEffect, useState } from 'preact/hooks';
import { SettingsCard } from '@/components/settings-card';
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings';
import { DEFAULT_TRANSCRIPTION_MODEL, isTranscriptionModel, KNOWN_TRANSCRIPTION_MODELS } from '@/utils/transcribe/request';

type VoiceSettingsValues = Pick<Settings, 'transcriptionModel' | 'transcriptionLanguage'>;

export interface VoiceSettingsProps extends VoiceSettingsValues {
  /** The endpoint's models, when loaded: its transcription models join the list. */
  models: string[];
  onChange(patch: Partial<VoiceSettingsValues>): void;
}

/** Voice input: the transcription model (a combobox; empty means the default) and the language hint. */
export function VoiceSettings({ transcriptionModel, transcriptionLanguage, models, onChange }: VoiceSettingsProps) {
  const [model, setModel] = useState(transcriptionModel);
  useEffect(() => setModel(transcriptionModel), [transcriptionModel]);
  const choices = [...new Set([...KNOWN_TRANSCRIPTION_MODELS, ...models.filter(isTranscriptionModel)])];
  return (
    <SettingsCard heading={t('settingsVoice')}>
      <label for="transcription-model">{t('transcriptionModel')}</label>
      <input
        id="transcription-model"
        type="text"
        list="transcription-models"
        spellcheck={false}
        placeholder={DEFAULT_TRANSCRIPTION_MODEL}
        aria-describedby="transcription-model-hint"
        value={model}
        onInput={(event) => setModel(event.currentTarget.value)}
        onChange={() => model.trim() !== transcriptionModel && onChange({ transcriptionModel: model.trim() })}
      />
      <datalist id="transcription-models">
        {choices.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
      <p id="transcription-model-hint" class="hint">
        {t('transcriptionModelHint')}
      </p>
      <label for="transcription-language">{t('transcriptionLanguage')}</label>
      <select
        id="transcription-language"
        value={transcriptionLanguage}
        onChange={(event) => onChange({ transcriptionLanguage: event.currentTarget.value === 'auto' ? 'auto' : 'ui' })}
      >
        <option value="ui">{t('transcriptionLanguageUi')}</option>
        <option value="auto">{t('transcriptionLanguageAuto')}</option>
      </select>
    </SettingsCard>
  );
}
