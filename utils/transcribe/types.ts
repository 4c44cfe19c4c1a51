/** A dictation kept in the extension's IndexedDB from Stop until its transcript is in the composer. */
export interface Recording {
  id: string;
  /** The audio as MediaRecorder made it (Opus in webm or ogg). */
  blob: Blob;
  /** The recording's container type, e.g. 'audio/webm;codecs=opus'. */
  mimeType: string;
  /** The recording's own length, measured while recording. */
  durationMs: number;
  /** Epoch ms of Stop. */
  createdAt: number;
  /** Which composer it was dictated into ('popup-chat', 'sidepanel-ask'...): its Retry shows there. */
  composer: string;
  /** The transcript, once it arrived (kept until the composer has taken it). */
  transcript?: string;
  /** The last failure's message, when its transcription failed. */
  error?: string;
}

/** Input of the `transcribe` action: which stored recording to transcribe. */
export interface TranscribeInput {
  recordingId: string;
}
