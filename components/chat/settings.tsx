import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { Status } from '@/utils/ui/status';
import { SettingsCard } from '@/components/settings-card';

export interface ChatSettingsProps {
  systemPrompt: string;
  historyBudget: number;
  showReasoning: boolean;
  /** Minutes an answer may stream before it is stopped (settings clamp it to 1–120). */
  answerDeadlineMinutes: number;
  /** The system prompt Glance ships with, for "Restore the default". */
  defaultSystemPrompt: string;
  /** Saves; resolves when stored (rejects with a message to show). */
  onSave(patch: {
    chatSystemPrompt?: string;
    chatHistoryBudget?: number;
    showReasoning?: boolean;
    answerDeadlineMinutes?: number;
  }): Promise<void>;
}

const MAX_BUDGET = 1_000_000;

/** Parses a whole number from 0 to `max` typed with or without separators, or undefined. */
function parseWhole(text: string, max: number): number | undefined {
  const cleaned = text.replace(/[\s,_]/g, '');
  if (!/^\d+$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return value <= max ? value : undefined;
}

/** Parses the history budget field: a whole number of tokens, or undefined when it is not one. */
export function parseBudget(text: string): number | undefined {
  return parseWhole(text, MAX_BUDGET);
}

/** Parses the answer time limit field: whole minutes from 1 to 120, or undefined. */
export function parseDeadline(text: string): number | undefined {
  const value = parseWhole(text, 120);
  return value && value >= 1 ? value : undefined;
}

/** The options page's chat section: system prompt, history budget, reasoning, answer time limit. */
export function ChatSettings({
  systemPrompt,
  historyBudget,
  showReasoning,
  answerDeadlineMinutes,
  defaultSystemPrompt,
  onSave,
}: ChatSettingsProps) {
  const [prompt, setPrompt] = useState(systemPrompt);
  const [budget, setBudget] = useState(String(historyBudget));
  const [deadline, setDeadline] = useState(String(answerDeadlineMinutes));
  const [status, setStatus] = useState<Status | null>(null);

  // Changes made elsewhere (another options tab) show here unless this field is being edited.
  useEffect(() => setPrompt(systemPrompt), [systemPrompt]);
  useEffect(() => setBudget(String(historyBudget)), [historyBudget]);
  useEffect(() => setDeadline(String(answerDeadlineMinutes)), [answerDeadlineMinutes]);

  const save = (patch: Parameters<ChatSettingsProps['onSave']>[0]) =>
    onSave(patch).then(
      () => setStatus({ kind: 'success', text: t('chatSettingsSaved') }),
      (error: Error) => setStatus({ kind: 'error', text: error.message }),
    );

  const saveBudget = () => {
    const value = parseBudget(budget);
    if (value === undefined) {
      setStatus({ kind: 'error', text: t('chatHistoryBudgetInvalid') });
      return;
    }
    if (value !== historyBudget) void save({ chatHistoryBudget: value });
  };

  const saveDeadline = () => {
    const value = parseDeadline(deadline);
    if (value === undefined) {
      setStatus({ kind: 'error', text: t('chatAnswerDeadlineInvalid') });
      return;
    }
    if (value !== answerDeadlineMinutes) void save({ answerDeadlineMinutes: value });
  };

  return (
    <SettingsCard heading={t('chatSettingsHeading')}>
      <label for="chat-system-prompt">{t('chatSystemPromptLabel')}</label>
      <textarea
        id="chat-system-prompt"
        rows={4}
        value={prompt}
        maxLength={20_000}
        onInput={(event) => setPrompt(event.currentTarget.value)}
        onChange={() => prompt !== systemPrompt && void save({ chatSystemPrompt: prompt })}
      />
      <p class="hint">{t('chatSystemPromptHint')}</p>
      {prompt !== defaultSystemPrompt && (
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setPrompt(defaultSystemPrompt);
            void save({ chatSystemPrompt: defaultSystemPrompt });
          }}
        >
          {t('chatSystemPromptReset')}
        </button>
      )}
      <label for="chat-history-budget">{t('chatHistoryBudgetLabel')}</label>
      <input
        id="chat-history-budget"
        type="text"
        inputMode="numeric"
        value={budget}
        aria-invalid={parseBudget(budget) === undefined}
        onInput={(event) => setBudget(event.currentTarget.value)}
        onChange={saveBudget}
      />
      <p class="hint">{t('chatHistoryBudgetHint')}</p>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={showReasoning}
          onChange={(event) => void save({ showReasoning: event.currentTarget.checked })}
        />
        {t('chatShowReasoningLabel')}
      </label>
      <p class="hint">{t('chatShowReasoningHint')}</p>
      <label for="chat-answer-deadline">{t('chatAnswerDeadlineLabel')}</label>
      <input
        id="chat-answer-deadline"
        type="text"
        inputMode="numeric"
        value={deadline}
        aria-invalid={parseDeadline(deadline) === undefined}
        onInput={(event) => setDeadline(event.currentTarget.value)}
        onChange={saveDeadline}
      />
      <p class="hint">{t('chatAnswerDeadlineHint')}</p>
      {/* Not role=status: the page's connection form owns the one status region. */}
      <p aria-live="polite" class={`status ${status ? `status-${status.kind}` : ''}`}>
        {status?.text}
      </p>
    </SettingsCard>
  );
}
