import type { PlayerCaptionTrack } from './transcript/player-captions';

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

/** An audio or video element of a page, as the transcribe page lists it. */
export interface PageMedia {
  /** Its position among the page's audio and video elements. */
  index: number;
  kind: 'audio' | 'video';
  /** Its source address ('' or blob: for streamed media, which cannot be fetched). */
  src: string;
  fetchable: boolean;
  duration: number | null;
  title: string;
  /** Its WebVTT caption tracks. */
  tracks: { index: number; label: string; language: string }[];
  /** The caption tracks of the page's YouTube-style player (offered first: free). */
  playerTracks: PlayerCaptionTrack[];
}

/** What transcribing a recording of some length would cost, before anything is sent. */
export interface TranscribeEstimate {
  model: string;
  /** USD; null when the model has no price. */
  costUsd: number | null;
  /** Above the user's threshold: ask before sending. */
  needsConfirm: boolean;
}
