/**
 * Records speech with MediaRecorder as Opus at a speech bitrate: about 180 KB a minute instead
 * of the megabytes of PCM, so uploads stay small on slow relays.
 */

/** Opus at 24 kbit/s: clear speech, ~3 KB a second. */
export const SPEECH_BITS_PER_SECOND = 24_000;
/** Containers in order of preference; Chromium records webm, Firefox both. */
const TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm', 'audio/ogg'];

/** The first container this browser records, or '' to let it choose. */
export function recordingType(isSupported: (type: string) => boolean = (type) => MediaRecorder.isTypeSupported(type)): string {
  return TYPES.find((type) => isSupported(type)) ?? '';
}

/** A finished recording. */
export interface RecordedAudio {
  blob: Blob;
  mimeType: string;
  durationMs: number;
}

/** A recording in progress. */
export interface Recorder {
  /** Input loudness from 0 to 1, for the level meter. */
  level(): number;
  elapsedMs(): number;
  /** How long the piece being recorded now is (since the start or the last cut). */
  pieceMs(): number;
  /**
   * Closes the piece recorded so far and goes on recording the next one on the same microphone:
   * each piece is a whole file of its own, for a dictation longer than one request may carry.
   */
  cut(): Promise<RecordedAudio>;
  /** Ends the recording and returns its audio; the microphone is released. */
  stop(): Promise<RecordedAudio>;
  /** Ends it and throws the audio away. */
  cancel(): void;
}

/** Starts recording `stream` (which the recorder releases when it ends). */
export function startRecorder(stream: MediaStream): Recorder {
  const mimeType = recordingType();
  const started = performance.now();
  let piece = recordPiece(stream, mimeType);

  const audio = new AudioContext();
  const analyser = audio.createAnalyser();
  analyser.fftSize = 512;
  audio.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);

  const release = () => {
    for (const track of stream.getTracks()) track.stop();
    void audio.close().catch(() => {});
  };

  return {
    level() {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      // RMS, scaled so normal speech fills most of the meter.
      return Math.min(1, Math.sqrt(sum / samples.length) * 4);
    },
    elapsedMs: () => performance.now() - started,
    pieceMs: () => performance.now() - piece.started,
    cut() {
      // The next piece starts before this one stops: nothing said in between is lost.
      const done = piece;
      piece = recordPiece(stream, mimeType);
      return done.finish();
    },
    stop() {
      return piece.finish().finally(release);
    },
    cancel() {
      piece.abandon();
      release();
    },
  };
}

/** One MediaRecorder's run over the stream: a whole file once finished. */
function recordPiece(stream: MediaStream, mimeType: string) {
  const recorder = new MediaRecorder(stream, { ...(mimeType ? { mimeType } : {}), audioBitsPerSecond: SPEECH_BITS_PER_SECOND });
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  });
  const started = performance.now();
  // One chunk a second: a long recording is not held in one growing buffer by the encoder.
  recorder.start(1000);
  return {
    started,
    finish(): Promise<RecordedAudio> {
      const durationMs = performance.now() - started;
      return new Promise((resolve, reject) => {
        recorder.addEventListener('stop', () => {
          const type = recorder.mimeType || mimeType || 'audio/webm';
          resolve({ blob: new Blob(chunks, { type }), mimeType: type, durationMs });
        });
        recorder.addEventListener('error', (event) => reject((event as ErrorEvent).error ?? new Error('recording failed')));
        recorder.stop();
      });
    },
    abandon() {
      if (recorder.state !== 'inactive') recorder.stop();
    },
  };
}
