import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { audioCostOf, priceFor } from '@/utils/llm/pricing';
import { getSettings } from '@/utils/settings';
import { startStream, type StreamHandle } from '@/utils/stream-client';
import { deleteRecording, recordingsOf, saveRecording } from '@/utils/transcribe/recordings';
import { DEFAULT_TRANSCRIPTION_MODEL, dictationStep } from '@/utils/transcribe/request';
import { MICROPHONE_MESSAGES, openMicrophone } from './microphone';
import { startRecorder, type Recorder } from './recorder';

/** A stored recording whose transcript has not reached the composer. */
export interface PendingRecording {
  id: string;
  durationMs: number;
  /** Why its last transcription failed; undefined when it was cut off (popup closed, worker stopped). */
  error?: string;
}

/** A dictation hook, as composers take it (so their tests can pass a scripted one). */
export type DictationHook = (target: DictationTarget) => Dictation;

export interface DictationTarget {
  /** Which composer this is ('popup-chat', 'sidepanel-ask'): its recordings come back to it. */
  composer: string;
  /** False while the composer's draft is still loading (a transcript must not race it). */
  ready?: boolean;
  /** Remembers where a new transcript goes (the cursor at Stop). */
  beginInsert(): void;
  /** Inserts text at that place, after the text already inserted. */
  insert(text: string): void;
}

export interface Dictation {
  phase: 'idle' | 'starting' | 'recording' | 'transcribing';
  elapsedMs: number;
  level: number;
  /** Minutes so far × the transcription model's price; null without a price. */
  costUsd: number | null;
  /** A microphone problem, said plainly. */
  notice: string | null;
  pending: PendingRecording[];
  /** Voice input / Stop recording. */
  toggle(): void;
  /** Escape: ends the recording and throws it away. */
  discard(): void;
  retry(id: string): void;
  drop(id: string): void;
}

const TICK_MS = 100;

/**
 * Dictation into a composer: records, stores the recording in IndexedDB at Stop, has the
 * background transcribe it and streams the text in at the cursor (never sent). A recording
 * whose transcription fails (or is cut off) stays stored and listed with Retry and Discard,
 * also after the popup is closed and opened again.
 */
export function useDictation(target: DictationTarget): Dictation {
  const [phase, setPhase] = useState<Dictation['phase']>('idle');
  const [elapsedMs, setElapsed] = useState(0);
  const [level, setLevel] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingRecording[]>([]);
  const recorder = useRef<Recorder | null>(null);
  const perMinute = useRef<number | undefined>(undefined);
  const streams = useRef(new Map<string, StreamHandle>());
  const targetRef = useRef(target);
  targetRef.current = target;

  // Transcripts that arrived while the popup was closed go in, once the composer has its draft;
  // the others wait for Retry. Recordings this page is transcribing right now are left alone.
  useEffect(() => {
    if (!target.composer || target.ready === false) return;
    void recordingsOf(target.composer).then(async (recordings) => {
      const mine = recordings.filter((r) => !streams.current.has(r.id));
      for (const recording of mine.filter((r) => r.transcript !== undefined)) {
        targetRef.current.beginInsert();
        targetRef.current.insert(recording.transcript!);
        await deleteRecording(recording.id);
      }
      const waiting = mine.filter((r) => r.transcript === undefined);
      setPending(waiting.map(({ id, durationMs, error }) => ({ id, durationMs, error })));
    });
  }, [target.composer, target.ready]);

  useEffect(
    () => () => {
      recorder.current?.cancel();
      for (const stream of streams.current.values()) stream.detach();
    },
    [],
  );

  useEffect(() => {
    if (phase !== 'recording') return;
    const timer = setInterval(() => {
      const current = recorder.current;
      if (!current) return;
      setElapsed(current.elapsedMs());
      setLevel(current.level());
      const step = dictationStep(current.elapsedMs(), current.pieceMs());
      if (step === 'stop') void stop();
      else if (step === 'cut') void cut(current);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [phase]);

  /** Transcribes a stored recording; `recording`: the dictation goes on meanwhile (a cut piece). */
  const transcribe = (id: string, durationMs: number, recording = false) => {
    if (!recording) setPhase('transcribing');
    setPending((list) => list.filter((item) => item.id !== id));
    let begun = false;
    const handle = startStream(
      'transcribe',
      { recordingId: id },
      {
        onDelta(text) {
          if (!begun) targetRef.current.beginInsert();
          begun = true;
          targetRef.current.insert(text);
        },
        onDone() {
          streams.current.delete(id);
          void deleteRecording(id);
          setPhase((now) => (now === 'transcribing' ? 'idle' : now));
        },
        onError(error) {
          streams.current.delete(id);
          const message = error.code === 'too_large' ? t('voiceTooLarge') : error.message;
          setPending((list) => [...list.filter((item) => item.id !== id), { id, durationMs, error: message }]);
          setPhase((now) => (now === 'transcribing' ? 'idle' : now));
        },
      },
    );
    streams.current.set(id, handle);
  };

  const start = async () => {
    setNotice(null);
    setPhase('starting');
    const opened = await openMicrophone();
    if ('problem' in opened) {
      setNotice(t(MICROPHONE_MESSAGES[opened.problem]));
      setPhase('idle');
      return;
    }
    const settings = await getSettings();
    perMinute.current = priceFor(settings.transcriptionModel || DEFAULT_TRANSCRIPTION_MODEL, settings.priceOverrides)?.perMinute;
    recorder.current = startRecorder(opened.stream);
    setElapsed(0);
    setPhase('recording');
  };

  /** A long dictation's piece: stored and transcribed while the recording goes on. */
  const cut = async (current: Recorder) => {
    const audio = await current.cut();
    const id = crypto.randomUUID();
    await saveRecording({ id, ...audio, createdAt: Date.now(), composer: targetRef.current.composer });
    transcribe(id, audio.durationMs, true);
  };

  const stop = async () => {
    const current = recorder.current;
    if (!current) return;
    recorder.current = null;
    setPhase('transcribing');
    const audio = await current.stop();
    const id = crypto.randomUUID();
    await saveRecording({ id, ...audio, createdAt: Date.now(), composer: targetRef.current.composer });
    transcribe(id, audio.durationMs);
  };

  return {
    phase,
    elapsedMs,
    level,
    costUsd: perMinute.current === undefined ? null : (audioCostOf(elapsedMs / 1000, { perMinute: perMinute.current }) ?? null),
    notice,
    pending,
    toggle() {
      if (phase === 'idle') void start();
      else if (phase === 'recording') void stop();
    },
    discard() {
      recorder.current?.cancel();
      recorder.current = null;
      setPhase('idle');
    },
    retry(id) {
      const item = pending.find((p) => p.id === id);
      if (item) transcribe(id, item.durationMs);
    },
    drop(id) {
      streams.current.get(id)?.stop();
      setPending((list) => list.filter((item) => item.id !== id));
      void deleteRecording(id);
    },
  };
}
