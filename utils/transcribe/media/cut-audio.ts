/**
 * Turns a picked or fetched audio/video file into what is uploaded: the file itself when it is
 * within the API's limits, else pieces of at most ten minutes. MP3 is cut at frame starts and WAV
 * by sample ranges, both as slices of the file (no decoding, a small window in memory); other
 * containers are decoded and re-encoded as 16 kHz mono 16-bit WAV pieces.
 */
import { MAX_UPLOAD_BYTES } from '@/utils/transcribe/request';
import { indexMp3, mp3Range } from './mp3';
import { planPieces, sendWhole } from './pieces';
import { encodeWav16, readWavHeader, wavHeader, wavRange } from './wav';

/** One upload: its audio and where it lies in the recording. */
export interface AudioPiece {
  start: number;
  end: number;
  blob: Blob;
  fileName: string;
}

export interface PreparedAudio {
  seconds: number;
  /** How it was cut: sent whole, sliced without decoding, or decoded and re-encoded. */
  method: 'whole' | 'mp3' | 'wav' | 'decoded';
  pieces: AudioPiece[];
}

/** Extensions the API takes, by the container's usual name. */
const EXTENSIONS = ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm'];

/** The container a file's first bytes show, or undefined. */
export function sniffAudio(head: Uint8Array): 'mp3' | 'wav' | 'ogg' | 'webm' | 'flac' | 'mp4' | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 3) === 'ID3' || (head[0] === 0xff && (head[1]! & 0xe0) === 0xe0)) return 'mp3';
  if (ascii(0, 4) === 'OggS') return 'ogg';
  if (ascii(0, 4) === 'fLaC') return 'flac';
  if (ascii(4, 8) === 'ftyp') return 'mp4';
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'webm';
  return undefined;
}

/** The name a whole file is uploaded with: its own when its extension is one the API takes. */
export function uploadName(name: string, container: string): string {
  const extension = name.split('.').pop()?.toLowerCase() ?? '';
  if (EXTENSIONS.includes(extension)) return `audio.${extension}`;
  return `audio.${container === 'mp4' ? 'mp4' : container}`;
}

const bytesOf = async (blob: Blob, start: number, end: number) => new Uint8Array(await blob.slice(start, end).arrayBuffer());

/** Cuts (or not) a file for upload. Throws for a file that is not audio the browser can read. */
export async function prepareAudio(file: Blob, name: string): Promise<PreparedAudio> {
  const head = await bytesOf(file, 0, 65536);
  const container = sniffAudio(head);
  if (container === 'wav') {
    const info = readWavHeader(head, file.size);
    if (info) {
      if (sendWhole(file.size, info.seconds, MAX_UPLOAD_BYTES)) return whole(file, name, 'wav', info.seconds);
      const pieces = planPieces(info.seconds).map((span) => {
        const range = wavRange(info, span.start, span.end);
        const blob = new Blob([wavHeader(info, range.to - range.from) as BlobPart, file.slice(range.from, range.to)], {
          type: 'audio/wav',
        });
        return { start: range.start, end: range.end, blob, fileName: 'audio.wav' };
      });
      return { seconds: info.seconds, method: 'wav', pieces };
    }
  }
  if (container === 'mp3') {
    const index = await indexMp3((start, end) => bytesOf(file, start, end), file.size);
    if (sendWhole(file.size, index.seconds, MAX_UPLOAD_BYTES)) return whole(file, name, 'mp3', index.seconds);
    const pieces = planPieces(index.seconds).map((span) => {
      const range = mp3Range(index, span.start, span.end);
      return { start: range.start, end: range.end, blob: file.slice(range.from, range.to, 'audio/mpeg'), fileName: 'audio.mp3' };
    });
    return { seconds: index.seconds, method: 'mp3', pieces };
  }
  if (!container) throw new Error('not audio');
  const seconds = await mediaDuration(file);
  if (seconds !== undefined && sendWhole(file.size, seconds, MAX_UPLOAD_BYTES)) return whole(file, name, container, seconds);
  return decodeIntoPieces(file);
}

function whole(file: Blob, name: string, container: string, seconds: number): PreparedAudio {
  return { seconds, method: 'whole', pieces: [{ start: 0, end: seconds, blob: file, fileName: uploadName(name, container) }] };
}

/** The length the browser reads from the file's metadata, or undefined (webm from a recorder has none). */
function mediaDuration(file: Blob): Promise<number | undefined> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const media = document.createElement('audio');
    const done = (value: number | undefined) => {
      URL.revokeObjectURL(url);
      media.removeAttribute('src');
      resolve(value);
    };
    media.preload = 'metadata';
    media.onloadedmetadata = () => done(Number.isFinite(media.duration) ? media.duration : undefined);
    media.onerror = () => done(undefined);
    media.src = url;
  });
}

const DECODED_RATE = 16_000;

/** Decodes the whole file, mixes it down to 16 kHz mono and encodes each piece as 16-bit WAV. */
async function decodeIntoPieces(file: Blob): Promise<PreparedAudio> {
  // Decoded at 16 kHz straight away: at the usual 48 kHz an hour of stereo would take 1.4 GB.
  const context = new AudioContext({ sampleRate: DECODED_RATE });
  let decoded: AudioBuffer;
  try {
    decoded = await context.decodeAudioData(await file.arrayBuffer());
  } finally {
    void context.close();
  }
  const frames = Math.ceil(decoded.duration * DECODED_RATE);
  const offline = new OfflineAudioContext(1, Math.max(1, frames), DECODED_RATE);
  const source = offline.createBufferSource();
  source.buffer = decoded;
  source.connect(offline.destination);
  source.start();
  const samples = (await offline.startRendering()).getChannelData(0);
  const pieces = planPieces(decoded.duration).map((span) => {
    const from = Math.round(span.start * DECODED_RATE);
    const to = Math.min(samples.length, Math.round(span.end * DECODED_RATE));
    const blob = new Blob([encodeWav16(samples.subarray(from, to), DECODED_RATE) as BlobPart], { type: 'audio/wav' });
    return { start: from / DECODED_RATE, end: to / DECODED_RATE, blob, fileName: 'audio.wav' };
  });
  return { seconds: decoded.duration, method: 'decoded', pieces };
}
