import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { startStream, type StreamHandle } from '@/utils/stream-client';
import type { WireError } from '@/utils/errors';
import { getJob, type TranscriptJob } from '@/utils/transcribe/transcript/jobs';

/** A running job that has not changed for this long was cut off (the worker stopped): Retry shows. */
export const STALE_AFTER_MS = 90_000;

export interface TranscriptJobState {
  job: TranscriptJob | undefined;
  /** The last error the port reported (the job's own message is in `job.error`). */
  error: WireError | undefined;
  /** Whether this page is connected to the running transcription. */
  connected: boolean;
  /** Starts (or, after a failure, resumes) the transcription of a stored job. */
  run(id: string): void;
  /** Reads the job again now. */
  reload(): Promise<void>;
}

/**
 * A transcription job as the page shows it: read from the extension's IndexedDB (where the
 * background writes each piece's state), polled while it runs, so a reloaded page shows the
 * progress again. `run` starts the background's work; it goes on if the page closes.
 */
export function useTranscriptJob(jobId: string | null): TranscriptJobState {
  const [job, setJob] = useState<TranscriptJob | undefined>();
  const [error, setError] = useState<WireError | undefined>();
  const [connected, setConnected] = useState(false);
  const handle = useRef<StreamHandle | undefined>(undefined);
  const id = useRef(jobId);

  const reload = useCallback(async () => {
    if (id.current) setJob(await getJob(id.current));
  }, []);

  useEffect(() => {
    id.current = jobId;
    void reload();
  }, [jobId, reload]);

  const running = job?.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void reload(), 400);
    return () => clearInterval(timer);
  }, [running, reload]);

  useEffect(() => () => handle.current?.detach(), []);

  const run = useCallback(
    (target: string) => {
      id.current = target;
      setError(undefined);
      setConnected(true);
      handle.current?.detach();
      handle.current = startStream(
        'transcribeFile',
        { jobId: target },
        {
          onDelta: () => {},
          onProgress: () => void reload(),
          onDone: () => {
            setConnected(false);
            void reload();
          },
          onError: (wire) => {
            setConnected(false);
            setError(wire);
            void reload();
          },
        },
      );
      void reload();
    },
    [reload],
  );

  return { job, error, connected, run, reload };
}

/** Whether a job shown as running has stopped changing (its worker was stopped): offer Retry. */
export function isStale(job: TranscriptJob, connected: boolean, now = Date.now()): boolean {
  return job.status === 'running' && !connected && now - job.updatedAt > STALE_AFTER_MS;
}
