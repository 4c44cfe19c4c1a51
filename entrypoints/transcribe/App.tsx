import { useEffect, useRef, useState } from 'preact/hooks';
import { JobProgress } from '@/components/transcribe/job-progress';
import { SourcePicker } from '@/components/transcribe/source-picker';
import { TranscriptView } from '@/components/transcribe/transcript-view';
import { t } from '@/utils/i18n';
import { requestHostAccess } from '@/utils/llm/host-access';
import { sendMessage, wireOf } from '@/utils/messaging';
import { shortCost } from '@/utils/money';
import { prepareAudio, type PreparedAudio } from '@/utils/transcribe/media/cut-audio';
import { saveJob, type TranscriptJob } from '@/utils/transcribe/transcript/jobs';
import type { PlayerCaptionTrack } from '@/utils/transcribe/transcript/player-captions';
import { formatClock, type Segment } from '@/utils/transcribe/transcript/segments';
import type { PageMedia, TranscribeEstimate } from '@/utils/transcribe/types';
import { isStale, useTranscriptJob } from '@/utils/transcribe/ui/use-transcript-job';
import { useTranscriptSummary } from '@/utils/transcribe/ui/use-transcript-summary';
import { pinnedTabId } from '@/utils/ui/target-tab';
import { useSettings } from '@/utils/ui/use-settings';

/** Audio ready to send, waiting for the user's confirmation of its cost. */
interface Pending {
  name: string;
  prepared: PreparedAudio;
  estimate: TranscribeEstimate;
  mediaIndex?: number;
}

const params = new URLSearchParams(location.search);
/** The tab whose media this page lists and seeks (`transcribe.html?tabId=N`). */
const TAB_ID = pinnedTabId(location.search);

/** Keeps the job in the address, so a reload shows its progress or transcript again. */
function rememberJob(id: string): void {
  const next = new URLSearchParams(location.search);
  next.set('job', id);
  history.replaceState(null, '', `?${next}`);
}

/**
 * The transcribe page, opened in a tab by "Transcribe" so that the work outlives the popup: pick
 * or drop a file, or take an audio/video element of the tab (its captions first: free); see the
 * cost and confirm it above the threshold; follow each piece; then the transcript.
 */
export function App() {
  const settings = useSettings();
  const [jobId, setJobId] = useState<string | null>(params.get('job'));
  const { job, error, connected, run, reload } = useTranscriptJob(jobId);
  const finished = job?.status === 'done' && job.segments?.length ? job.id : null;
  const summarizer = useTranscriptSummary(finished, {
    onDone: () => void reload(),
    onError: (wire) => setProblem(wire.message),
  });
  const [media, setMedia] = useState<PageMedia[] | null | undefined>(TAB_ID === null ? null : undefined);
  const [pending, setPending] = useState<Pending | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const player = useRef<HTMLAudioElement>(null);
  const [localUrl, setLocalUrl] = useState<string | null>(null);

  useEffect(() => {
    document.title = t('transcribeTitle');
    if (TAB_ID === null) return;
    sendMessage('transcribeListMedia', { tabId: TAB_ID }).then(setMedia, () => setMedia(null));
  }, []);

  const show = (id: string) => {
    rememberJob(id);
    setJobId(id);
  };

  const begin = async ({ name, prepared, mediaIndex }: Pending) => {
    const id = crypto.randomUUID();
    const fromTab = mediaIndex !== undefined && TAB_ID !== null;
    const record: TranscriptJob = {
      id,
      name,
      source: 'audio',
      ...(fromTab ? { tabId: TAB_ID, mediaIndex } : {}),
      seconds: prepared.seconds,
      createdAt: Date.now(),
      updatedAt: Date.now(),
      status: 'ready',
      pieces: prepared.pieces.map((piece, index) => ({ index, start: piece.start, end: piece.end, status: 'waiting' })),
    };
    await saveJob(
      record,
      prepared.pieces.map(({ blob, fileName }) => ({ blob, fileName })),
    );
    setPending(null);
    show(id);
    run(id);
  };

  const prepare = async (blob: Blob, name: string, mediaIndex?: number) => {
    setProblem(null);
    setBusy(true);
    try {
      let prepared: PreparedAudio;
      try {
        prepared = await prepareAudio(blob, name);
      } catch {
        setProblem(t('transcribeNotAudio'));
        return;
      }
      const estimate = await sendMessage('transcribeEstimate', { seconds: prepared.seconds });
      const ready = { name, prepared, estimate, mediaIndex };
      if (estimate.needsConfirm) setPending(ready);
      else await begin(ready);
    } catch (failure) {
      setProblem(wireOf(failure).message);
    } finally {
      setBusy(false);
    }
  };

  const fromMedia = async (item: PageMedia) => {
    setProblem(null);
    // The prompt for another site's media shows only straight from the click.
    if (!(await requestHostAccess(new URL(item.src).origin))) return setProblem(t('transcribeNoAccess'));
    setBusy(true);
    let blob: Blob;
    try {
      const response = await fetch(item.src);
      if (!response.ok) throw new Error(String(response.status));
      blob = await response.blob();
    } catch {
      setBusy(false);
      return setProblem(t('transcribeFetchFailed'));
    }
    setLocalUrl(null);
    await prepare(blob, item.src, item.index);
  };

  /** A transcript from captions: stored as a finished job, with nothing sent to the API. */
  const keepCaptions = async (item: PageMedia, segments: Segment[], name: string) => {
    if (!segments.length || TAB_ID === null) return setProblem(t('transcribeNoCaptions'));
    const id = crypto.randomUUID();
    const now = Date.now();
    // An entry of the player's captions without a video element (index -1) has nothing to seek.
    const mediaIndex = item.index >= 0 ? item.index : undefined;
    await saveJob({
      ...{ id, name, source: 'captions', tabId: TAB_ID, mediaIndex },
      ...{ seconds: segments.at(-1)!.end, createdAt: now, updatedAt: now, status: 'done', pieces: [], segments },
    });
    setLocalUrl(null);
    show(id);
  };

  const fromCaptions = async (item: PageMedia, trackIndex: number) => {
    if (TAB_ID === null) return;
    setProblem(null);
    const request = { tabId: TAB_ID, mediaIndex: item.index, trackIndex };
    const segments = await sendMessage('transcribeCaptions', request).catch(() => []);
    await keepCaptions(item, segments, item.title || item.src);
  };

  const fromPlayerCaptions = async (item: PageMedia, track: PlayerCaptionTrack) => {
    if (TAB_ID === null) return;
    setProblem(null);
    setBusy(true);
    const request = { tabId: TAB_ID, url: track.url, auto: track.auto };
    const segments = await sendMessage('transcribePlayerCaptions', request).catch(() => []);
    setBusy(false);
    await keepCaptions(item, segments, item.title || track.name);
  };

  const seek = (seconds: number) => {
    if (job?.tabId !== undefined && job.mediaIndex !== undefined) {
      sendMessage('transcribeSeek', { tabId: job.tabId, mediaIndex: job.mediaIndex, seconds }).then(
        ({ found }) => !found && setProblem(t('transcribeMediaGone')),
        (failure) => setProblem(wireOf(failure).message),
      );
    } else if (player.current) {
      player.current.currentTime = seconds;
      void player.current.play().catch(() => {});
    }
  };

  if (!settings) return <main aria-busy="true" />;
  const transcript = job?.status === 'done' ? job.segments : undefined;
  const canSeek = (job?.tabId !== undefined && job.mediaIndex !== undefined) || localUrl !== null;
  return (
    <main class="transcribe-page">
      <h1>{t('transcribeTitle')}</h1>
      {(!job || job.status === 'done' || job.status === 'failed') && (
        <SourcePicker
          media={media}
          busy={busy || connected}
          onFile={(file) => {
            setLocalUrl(URL.createObjectURL(file));
            void prepare(file, file.name);
          }}
          onMedia={(item) => void fromMedia(item)}
          onCaptions={(item, track) => void fromCaptions(item, track)}
          onPlayerCaptions={(item, track) => void fromPlayerCaptions(item, track)}
        />
      )}
      {busy && <p aria-busy="true">{t('transcribePreparing')}</p>}
      {problem && <p role="alert">{problem}</p>}
      {pending && (
        <div class="transcribe-confirm">
          <p>
            {t('transcribeCost', {
              duration: formatClock(pending.prepared.seconds),
              pieces: pending.prepared.pieces.length,
              cost: pending.estimate.costUsd === null ? '?' : shortCost(pending.estimate.costUsd, settings.cnyPerUsd),
              model: pending.estimate.model,
            })}
          </p>
          <button type="button" class="primary" onClick={() => void begin(pending)}>
            {t('transcribeConfirm')}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setPending(null)}>
            {t('summaryCancel')}
          </button>
        </div>
      )}
      {job && <h2 class="transcribe-name">{job.name}</h2>}
      {job?.source === 'audio' && job.status !== 'done' && <JobProgress job={job} />}
      {job && (job.status === 'failed' || isStale(job, connected)) && (
        <div role="alert">
          <p>{job.error ?? error?.message ?? t('error_interrupted')}</p>
          <button type="button" class="primary" onClick={() => run(job.id)}>
            {t('voiceRetry')}
          </button>
        </div>
      )}
      {localUrl && job?.tabId === undefined && (
        // biome-ignore lint/a11y/useMediaCaption: the user's own recording; its transcript is below.
        <audio ref={player} src={localUrl} controls aria-label={t('transcribePlayer')} />
      )}
      {job && transcript && (
        <TranscriptView
          name={job.name}
          segments={transcript}
          onSeek={canSeek ? seek : undefined}
          summarizer={summarizer}
          storedSummary={job.summary ?? ''}
          cnyPerUsd={settings.cnyPerUsd}
        />
      )}
    </main>
  );
}
