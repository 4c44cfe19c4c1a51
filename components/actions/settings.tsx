import { useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { ActionSpec } from '@/utils/actions/types';
import type { Status } from '@/utils/ui/status';
import { ActionEditor, type ActionPreview } from './editor';
import './settings.css';

export interface ActionsSettingsProps {
  /** The stored list, names and prompts in the interface language. */
  actions: ActionSpec[];
  /** The action being edited or added, if any. */
  draft?: ActionSpec;
  preview?: ActionPreview;
  status: Status | null;
  /** Why an import was refused (shown as an alert). */
  refusal?: string;
  onAdd(): void;
  onEdit(action: ActionSpec): void;
  onDraftChange(draft: ActionSpec): void;
  onSave(): void;
  onCancel(): void;
  onToggle(action: ActionSpec, enabled: boolean): void;
  onMove(action: ActionSpec, by: -1 | 1): void;
  onDelete(action: ActionSpec): void;
  onImport(file: File): void;
  onExport(): void;
}

/** The settings page's Actions section: the list, its editor, import and export. */
export function ActionsSettings(props: ActionsSettingsProps) {
  const picker = useRef<HTMLInputElement>(null);
  const { actions, draft } = props;
  return (
    <section class="card actions-settings" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('actionsTitle')}</h2>
      <p class="hint">{t('actionsHelp')}</p>
      <ul class="action-list" aria-label={t('actionsTitle')}>
        {actions.map((action, index) => (
          <li key={action.id} class={action.enabled ? '' : 'off'}>
            <label class="checkbox" title={t('actionEnabled')}>
              <input
                type="checkbox"
                checked={action.enabled}
                onChange={(event) => props.onToggle(action, event.currentTarget.checked)}
              />
              <span class="icon" aria-hidden="true">
                {action.icon}
              </span>
              {action.name}
            </label>
            {action.builtin && <span class="hint">{t('actionBuiltin')}</span>}
            <span class="buttons">
              <button type="button" aria-label={`${t('actionEdit')}: ${action.name}`} onClick={() => props.onEdit(action)}>
                {t('actionEdit')}
              </button>
              <button
                type="button"
                aria-label={`${t('actionMoveUp')}: ${action.name}`}
                disabled={index === 0}
                onClick={() => props.onMove(action, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={`${t('actionMoveDown')}: ${action.name}`}
                disabled={index === actions.length - 1}
                onClick={() => props.onMove(action, 1)}
              >
                ↓
              </button>
              {!action.builtin && (
                <button type="button" aria-label={`${t('actionDelete')}: ${action.name}`} onClick={() => props.onDelete(action)}>
                  {t('actionDelete')}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {draft ? (
        <ActionEditor
          draft={draft}
          preview={props.preview}
          onChange={props.onDraftChange}
          onSave={props.onSave}
          onCancel={props.onCancel}
        />
      ) : (
        <div class="actions">
          <button type="button" onClick={props.onAdd}>
            {t('addAction')}
          </button>
          <button type="button" onClick={() => picker.current?.click()}>
            {t('importActions')}
          </button>
          <button type="button" onClick={props.onExport}>
            {t('exportActions')}
          </button>
          <input
            ref={picker}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label={t('importActions')}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) props.onImport(file);
            }}
          />
        </div>
      )}
      {props.refusal && (
        <p role="alert" class="status status-error">
          {props.refusal}
        </p>
      )}
      {/* Not a role=status: the page's one status line belongs to the connection form. */}
      {props.status && (
        <p class={`hint status-${props.status.kind}`} role={props.status.kind === 'error' ? 'alert' : undefined}>
          {props.status.text}
        </p>
      )}
    </section>
  );
}
