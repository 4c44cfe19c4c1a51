import { t } from '@/utils/i18n';
import type { ActionSpec } from '@/utils/actions/types';

/** What the preview shows: the prompt built from a sample selection, its tokens and their cost. */
export interface ActionPreview {
  prompt: string;
  tokens?: number;
  /** Formatted cost of those tokens, or undefined when the model has no price. */
  cost?: string;
  model: string;
}

export interface ActionEditorProps {
  draft: ActionSpec;
  preview?: ActionPreview;
  onChange(draft: ActionSpec): void;
  onSave(): void;
  onCancel(): void;
}

/**
 * The form of one action: name, prompt, icon, model, temperature, Replace, where the answer goes
 * (not for Ask, whose question box is on the page), with a live preview.
 */
export function ActionEditor({ draft, preview, onChange, onSave, onCancel }: ActionEditorProps) {
  const set = (patch: Partial<ActionSpec>) => onChange({ ...draft, ...patch });
  return (
    <form
      class="action-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <label for="action-name">{t('actionName')}</label>
      <input
        id="action-name"
        type="text"
        maxLength={60}
        value={draft.name}
        onInput={(event) => set({ name: event.currentTarget.value })}
      />
      <label for="action-prompt">{t('actionPrompt')}</label>
      <textarea
        id="action-prompt"
        rows={5}
        maxLength={8000}
        value={draft.prompt}
        onInput={(event) => set({ prompt: event.currentTarget.value })}
      />
      <p class="hint">{t('actionsHelp')}</p>
      <div class="row">
        <div>
          <label for="action-icon">{t('actionIcon')}</label>
          <input
            id="action-icon"
            type="text"
            size={3}
            maxLength={2}
            value={draft.icon}
            onInput={(event) => set({ icon: event.currentTarget.value })}
          />
        </div>
        <div>
          <label for="action-model">{t('actionModel')}</label>
          <input
            id="action-model"
            type="text"
            value={draft.model}
            onInput={(event) => set({ model: event.currentTarget.value })}
          />
        </div>
        <div>
          <label for="action-temperature">{t('actionTemperature')}</label>
          <input
            id="action-temperature"
            type="number"
            min={0}
            max={2}
            step={0.1}
            value={draft.temperature ?? ''}
            onInput={(event) => {
              const text = event.currentTarget.value.trim();
              const value = Number(text);
              set({ temperature: text === '' || !Number.isFinite(value) ? null : Math.min(2, Math.max(0, value)) });
            }}
          />
        </div>
      </div>
      <label class="checkbox">
        <input type="checkbox" checked={draft.replace} onChange={(event) => set({ replace: event.currentTarget.checked })} />
        {t('actionReplace')}
      </label>
      {draft.builtin !== 'ask' && (
        <>
          <label for="action-answer-in">{t('actionAnswerIn')}</label>
          <select
            id="action-answer-in"
            value={draft.answerIn}
            onChange={(event) => set({ answerIn: event.currentTarget.value === 'panel' ? 'panel' : 'card' })}
          >
            <option value="card">{t('actionAnswerInCard')}</option>
            <option value="panel">{t('actionAnswerInPanel')}</option>
          </select>
        </>
      )}
      {preview && (
        <section class="action-preview" aria-label={t('actionPreview')}>
          <h3>{t('actionPreview')}</h3>
          <pre>{preview.prompt}</pre>
          {preview.tokens !== undefined && (
            <p class="hint">
              {preview.cost
                ? t('actionPreviewCost', { tokens: preview.tokens, cost: preview.cost })
                : t('actionPreviewNoPrice', { tokens: preview.tokens, model: preview.model })}
            </p>
          )}
        </section>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          {t('saveAction')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancelEdit')}
        </button>
      </div>
    </form>
  );
}
