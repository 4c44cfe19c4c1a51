import { useEffect, useState } from 'preact/hooks';
import { ActionsSettings } from '@/components/actions/settings';
import { getLocale, t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings';
import {
  exportActions,
  InvalidActions,
  mergeImport,
  newActionId,
  parseAction,
  parseImportFile,
} from '@/utils/actions/action-list';
import { resolveAction, unresolveAction } from '@/utils/actions/builtins';
import { getActions, saveActions, watchActions } from '@/utils/actions/store';
import type { ActionSpec } from '@/utils/actions/types';
import { useActionPreview } from '@/utils/actions/ui/use-action-preview';
import { saveTextFile } from '@/utils/ui/download';
import { errorStatus, type Status } from '@/utils/ui/status';

/** The Actions settings: the toolbar's actions, in order, with their editor, import and export. */
export function ActionsSection({ settings }: { settings: Settings }) {
  const [stored, setStored] = useState<ActionSpec[]>();
  const [draft, setDraft] = useState<ActionSpec>();
  const [status, setStatus] = useState<Status | null>(null);
  const [refusal, setRefusal] = useState<string>();
  const preview = useActionPreview(draft, settings);
  const locale = getLocale();

  useEffect(() => {
    void getActions().then(setStored);
    return watchActions(setStored);
  }, []);

  if (!stored) return null;
  const shown = stored.map((action) => resolveAction(action, locale));

  const store = async (next: ActionSpec[], done?: Status) => {
    try {
      await saveActions(next);
      setStored(next);
      setStatus(done ?? null);
    } catch (error) {
      setStatus(errorStatus(error));
    }
  };

  const save = () => {
    if (!draft) return;
    const checked = parseAction(draft);
    if (typeof checked === 'string') return setStatus({ kind: 'error', text: checked });
    const entry = unresolveAction({ ...checked, id: draft.id }, locale);
    const at = stored.findIndex((action) => action.id === draft.id);
    const next = at >= 0 ? stored.map((action, i) => (i === at ? entry : action)) : [...stored, entry];
    setDraft(undefined);
    void store(next, { kind: 'success', text: t('actionSaved') });
  };

  const move = (action: ActionSpec, by: -1 | 1) => {
    const at = stored.findIndex((a) => a.id === action.id);
    const to = at + by;
    if (at < 0 || to < 0 || to >= stored.length) return;
    const next = [...stored];
    [next[at], next[to]] = [next[to]!, next[at]!];
    void store(next);
  };

  const importFile = async (file: File) => {
    setRefusal(undefined);
    setStatus(null);
    try {
      const imported = parseImportFile(await file.text());
      const next = mergeImport(stored, imported);
      await store(next, { kind: 'success', text: t('actionsImported', { count: imported.length }) });
    } catch (error) {
      // Refused whole: nothing stored.
      const reason = error instanceof InvalidActions ? error.message : String(error);
      setRefusal(t('actionImportRefused', { reason }));
    }
  };

  return (
    <ActionsSettings
      actions={shown}
      draft={draft}
      preview={preview}
      status={status}
      refusal={refusal}
      onAdd={() => {
        setStatus(null);
        setDraft({
          id: newActionId(),
          name: '',
          prompt: '{{selection}}',
          icon: '',
          model: '',
          temperature: null,
          replace: false,
          answerIn: 'card',
          enabled: true,
        });
      }}
      onEdit={(action) => {
        setStatus(null);
        setDraft(action);
      }}
      onDraftChange={setDraft}
      onSave={save}
      onCancel={() => setDraft(undefined)}
      onToggle={(action, enabled) => void store(stored.map((a) => (a.id === action.id ? { ...a, enabled } : a)))}
      onMove={move}
      onDelete={(action) => void store(stored.filter((a) => a.id !== action.id))}
      onImport={(file) => void importFile(file)}
      onExport={() => saveTextFile('glance-actions.json', exportActions(stored), 'application/json')}
    />
  );
}
