import { t } from '@/utils/i18n';
import type { TranscriptJob } from '@/utils/transcribe/transcript/jobs';
import { formatClock } from '@/utils/transcribe/transcript/segments';

const STATUS_KEYS = {
  waiting: 'transcribePieceWaiting',
  running: 'transcribePieceRunning',
  done: 'transcribePieceDone',
  failed: 'transcribePieceFailed',
} as const;

/** Progress of a transcription: pieces done of all, and each piece's span and state. */
export function JobProgress({ job }: { job: TranscriptJob }) {
  const done = job.pieces.filter((piece) => piece.status === 'done').length;
  return (
    <div class="job-progress">
      <progress max={job.pieces.length} value={done} aria-label={t('transcribeProgress')} />
      <p role="status">{t('transcribePiecesDone', { done, total: job.pieces.length })}</p>
      {job.pieces.length > 1 && (
        <ol class="job-pieces">
          {job.pieces.map((piece) => (
            <li key={piece.index} class={`piece-${piece.status}`}>
              {formatClock(piece.start)}–{formatClock(piece.end)}: {t(STATUS_KEYS[piece.status])}
              {piece.error && ` — ${piece.error}`}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
