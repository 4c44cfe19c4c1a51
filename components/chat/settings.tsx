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

interface WholeNumberFieldProps {
  id: string;
  label: string;
  hint: string;
  /** The stored value; a change made elsewhere shows unless the field is being edited. */
  value: number;
  parse(text: string): number | undefined;
  /** A changed, valid value to store. */
  onSave(value: number): void;
  onInvalid(): void;
}

/** A whole-number setting typed as text (separators allowed), saved when it is left. */
function WholeNumberField({ id, label, hint, value, parse, onSave, onInvalid }: WholeNumberFieldProps) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const parsed = parse(text);
    if (parsed === undefined) onInvalid();
    else if (parsed !== value) onSave(parsed);
  };
  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={text}
        aria-invalid={parse(text) === undefined}
        onInput={(event) => setText(event.currentTarget.value)}
        onChange={commit}
      />
      <p class="hint">{hint}</p>
    </>
  );
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
  const [status, setStatus] = useState<Status | null>(null);

  // Changes made elsewhere (another options tab) show here unless this field is being edited.
  useEffect(() => setPrompt(systemPrompt), [systemPrompt]);

  const save = (patch: Parameters<ChatSettingsProps['onSave']>[0]) =>
    onSave(patch).then(
      () => setStatus({ kind: 'success', text: t('chatSettingsSaved') }),
      (error: Error) => setStatus({ kind: 'error', text: error.message }),
    );

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
      <WholeNumberField
        id="chat-history-budget"
        label={t('chatHistoryBudgetLabel')}
        hint={t('chatHistoryBudgetHint')}
        value={historyBudget}
        parse={parseBudget}
        onSave={(value) => void save({ chatHistoryBudget: value })}
        onInvalid={() => setStatus({ kind: 'error', text: t('chatHistoryBudgetInvalid') })}
      />
      <label class="checkbox">
        <input
          type="checkbox"
          checked={showReasoning}
          onChange={(event) => void save({ showReasoning: event.currentTarget.checked })}
        />
        {t('chatShowReasoningLabel')}
      </label>
      <p class="hint">{t('chatShowReasoningHint')}</p>
      <WholeNumberField
        id="chat-answer-deadline"
        label={t('chatAnswerDeadlineLabel')}
        hint={t('chatAnswerDeadlineHint')}
        value={answerDeadlineMinutes}
        parse={parseDeadline}
        onSave={(value) => void save({ answerDeadlineMinutes: value })}
        onInvalid={() => setStatus({ kind: 'error', text: t('chatAnswerDeadlineInvalid') })}
      />
      {/* Not role=status: the page's connection form owns the one status region. */}
      <p aria-live="polite" class={`status ${status ? `status-${status.kind}` : ''}`}>
        {status?.text}
      </p>
    </SettingsCard>
  );
}
