import { formatNumber } from '@/utils/locale-format';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings';
import { SettingsCard } from '@/components/settings-card';

type AskSettingsValues = Pick<Settings, 'askPageBudget' | 'sidePanelFollowsTab' | 'sidePanelOnToolbar'>;

export interface AskSettingsProps extends AskSettingsValues {
  onChange(patch: Partial<AskSettingsValues>): void;
}

const MIN_BUDGET = 500;
const MAX_BUDGET = 200_000;

/** The side panel's settings: page tokens per question, which tab it follows, the toolbar icon. */
export function AskSettings({ askPageBudget, sidePanelFollowsTab, sidePanelOnToolbar, onChange }: AskSettingsProps) {
  const [budget, setBudget] = useState(String(askPageBudget));
  useEffect(() => setBudget(String(askPageBudget)), [askPageBudget]);
  const value = Number(budget.replace(/[\s,_]/g, ''));
  const valid = Number.isInteger(value) && value >= MIN_BUDGET && value <= MAX_BUDGET;
  return (
    <SettingsCard heading={t('askSettingsHeading')}>
      <label for="ask-budget">{t('askBudgetSetting')}</label>
      <input
        id="ask-budget"
        type="text"
        inputMode="numeric"
        value={budget}
        aria-invalid={!valid}
        aria-describedby="ask-budget-hint"
        onInput={(event) => setBudget(event.currentTarget.value)}
        onChange={() => valid && value !== askPageBudget && onChange({ askPageBudget: value })}
      />
      <p id="ask-budget-hint" class={valid ? 'hint' : 'hint warning'} role={valid ? undefined : 'alert'}>
        {valid ? t('askBudgetHint') : t('numberOutOfRange', { min: MIN_BUDGET, max: formatNumber(MAX_BUDGET) })}
      </p>
      <label class="row">
        <input
          type="checkbox"
          checked={sidePanelFollowsTab}
          onChange={(event) => onChange({ sidePanelFollowsTab: event.currentTarget.checked })}
        />
        {t('askFollowTabSetting')}
      </label>
      {!import.meta.env.FIREFOX && (
        <label class="row">
          <input
            type="checkbox"
            checked={sidePanelOnToolbar}
            onChange={(event) => onChange({ sidePanelOnToolbar: event.currentTarget.checked })}
          />
          {t('askToolbarSetting')}
        </label>
      )}
    </SettingsCard>
  );
}
