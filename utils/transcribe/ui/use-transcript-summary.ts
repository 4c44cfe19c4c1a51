import { useEffect, useRef, useState } from 'preact/hooks';
import type { WireError } from '@/utils/errors';
import { sendMessage, wireOf } from '@/utils/messaging';
import { startStream, type StreamHandle } from '@/utils/stream-client';
import type { SummaryEstimate } from '@/utils/summary/types';

export interface TranscriptSummaryState {
  /** What summarizing would cost (undefined while it is counted; null when it could not be). */
  estimate: SummaryEstimate | null | undefined;
  /** Above the user's threshold: the estimate waits for "Summarize anyway". */
  confirming: boolean;
  /** The summary streaming in ('' until it starts). */
  text: string;
  running: boolean;
  /** "Summarize transcript": counts again (the threshold may have changed), then asks or starts. */
  request(): Promise<void>;
  confirm(): void;
  cancel(): void;
}

export interface TranscriptSummaryEvents {
  /** The summary is stored with the transcript. */
  onDone(): void;
  onError(error: WireError): void;
}

/**
 * "Summarize transcript" the way every paid action in Glance works: the estimate (tokens, cost,
 * the parts of a long transcript) is shown first, and above the user's confirmation threshold
 * nothing is sent until "Summarize anyway". `jobId`: a finished transcript, or null.
 */
export function useTranscriptSummary(jobId: string | null, events: TranscriptSummaryEvents): TranscriptSummaryState {
  const [estimate, setEstimate] = useState<SummaryEstimate | null | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [summary, setSummary] = useState({ text: '', running: false });
  const handle = useRef<StreamHandle | undefined>(undefined);
  const on = useRef(events);
  on.current = events;

  useEffect(() => {
    setEstimate(undefined);
    setConfirming(false);
    setSummary({ text: '', running: false });
    if (!jobId) return;
    let current = true;
    sendMessage('transcriptSummaryEstimate', { jobId }).then(
      (next) => current && setEstimate(next),
      () => current && setEstimate(null),
    );
    return () => {
      current = false;
    };
  }, [jobId]);

  // Leaving only detaches: the summary goes on and is stored with the transcript.
  useEffect(() => () => handle.current?.detach(), []);

  const start = () => {
    if (!jobId) return;
    setConfirming(false);
    setSummary({ text: '', running: true });
    handle.current?.detach();
    handle.current = startStream(
      'summarizeTranscript',
      { jobId },
      {
        onDelta: (text) => setSummary((now) => ({ ...now, text: now.text + text })),
        onDone: () => {
          setSummary((now) => ({ ...now, running: false }));
          on.current.onDone();
        },
        onError: (wire) => {
          setSummary((now) => ({ ...now, running: false }));
          on.current.onError(wire);
        },
      },
    );
  };

  const request = async () => {
    if (!jobId) return;
    let next: SummaryEstimate;
    try {
      next = await sendMessage('transcriptSummaryEstimate', { jobId });
    } catch (failure) {
      return on.current.onError(wireOf(failure));
    }
    setEstimate(next);
    if (next.needsConfirm) setConfirming(true);
    else start();
  };

  return {
    estimate,
    confirming,
    text: summary.text,
    running: summary.running,
    request,
    confirm: start,
    cancel: () => setConfirming(false),
  };
}
