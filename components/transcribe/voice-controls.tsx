import { t } from '@/utils/i18n';
import { formatCost } from '@/utils/llm/pricing';
import { formatElapsed } from '@/utils/transcribe/request';
import { MicrophoneIcon } from '@/components/icons';
import type { Dictation } from '@/utils/transcribe/ui/use-dictation';

/** "Voice input"; while recording the same button is "Stop recording". */
export function VoiceButton({ dictation }: { dictation: Dictation }) {
  const recording = dictation.phase === 'recording';
  const name = recording ? t('voiceStop') : t('voiceInput');
  return (
    <button
      type="button"
      class={`voice-button${recording ? ' recording' : ''}`}
      aria-label={name}
      title={name}
      disabled={dictation.phase === 'starting' || dictation.phase === 'transcribing'}
      onClick={dictation.toggle}
    >
      <MicrophoneIcon />
    </button>
  );
}

/**
 * What dictation is doing: while recording, the elapsed time (a timer), the input level and the
 * running cost; then "Transcribing…"; a microphone problem; and each recording still waiting for
 * its transcript, with Retry and Discard.
 */
export function VoiceStatus({ dictation, cnyPerUsd }: { dictation: Dictation; cnyPerUsd: number }) {
  const cost = dictation.costUsd === null ? t('noPrice') : formatCost(dictation.costUsd, cnyPerUsd);
  return (
    <>
      {dictation.phase === 'recording' && (
        <div class="voice-recording">
          <span role="timer" aria-label={t('voiceTimer')}>
            {formatElapsed(dictation.elapsedMs)}
          </span>
          <meter aria-label={t('voiceLevel')} min={0} max={1} value={dictation.level} />
          <span class="hint">{t('voiceRecordingHint', { cost })}</span>
        </div>
      )}
      {dictation.phase === 'transcribing' && (
        <p class="hint" role="status">
          {t('voiceTranscribing')}
        </p>
      )}
      {dictation.notice && (
        <p class="voice-notice" role="alert">
          {dictation.notice}
        </p>
      )}
      {dictation.pending.map((item) => {
        const time = formatElapsed(item.durationMs);
        return (
          <div class="voice-pending" key={item.id}>
            <p>{item.error ? t('voicePendingError', { time, error: item.error }) : t('voicePending', { time })}</p>
            <button type="button" onClick={() => dictation.retry(item.id)}>
              {t('voiceRetry')}
            </button>
            <button type="button" onClick={() => dictation.drop(item.id)}>
              {t('voiceDiscard')}
            </button>
          </div>
        );
      })}
    </>
  );
}
