/**
 * Recognizes an audio file's container by its first bytes, as the transcription endpoint must
 * before it decodes anything, and the container a file name's extension claims.
 */

/** The containers /audio/transcriptions accepts (mpeg and mpga are mp3; m4a is mp4). */
export type AudioContainer = 'webm' | 'ogg' | 'wav' | 'mp3' | 'flac' | 'mp4';

/** Extensions the API accepts, by the container they name. */
const EXTENSIONS: Record<string, AudioContainer> = {
  webm: 'webm',
  ogg: 'ogg',
  oga: 'ogg',
  wav: 'wav',
  mp3: 'mp3',
  mpeg: 'mp3',
  mpga: 'mp3',
  flac: 'flac',
  mp4: 'mp4',
  m4a: 'mp4',
};

/** The extensions in the API's own error message, in its order. */
export const SUPPORTED_EXTENSIONS = ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm'];

/** The container a file name claims by its extension, or undefined for none the API takes. */
export function containerOfName(filename: string): AudioContainer | undefined {
  const dot = filename.lastIndexOf('.');
  if (dot === -1) return undefined;
  const extension = filename.slice(dot + 1).toLowerCase();
  return Object.hasOwn(EXTENSIONS, extension) ? EXTENSIONS[extension] : undefined;
}

/** True for an MPEG audio frame header: 11 sync bits, a valid version and layer. */
function isMpegFrame(bytes: Buffer, at: number): boolean {
  if (bytes.length < at + 2 || bytes[at] !== 0xff || (bytes[at + 1] & 0xe0) !== 0xe0) return false;
  const version = (bytes[at + 1] >> 3) & 0b11;
  const layer = (bytes[at + 1] >> 1) & 0b11;
  return version !== 0b01 && layer !== 0b00;
}

/** The container of a file by its magic bytes, or undefined when it is none of the accepted ones. */
export function sniffContainer(bytes: Buffer): AudioContainer | undefined {
  const ascii = (from: number, to: number) => bytes.subarray(from, to).toString('latin1');
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) return 'webm'; // EBML header
  if (ascii(0, 4) === 'OggS') return 'ogg';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 4) === 'fLaC') return 'flac';
  if (ascii(4, 8) === 'ftyp') return 'mp4';
  if (ascii(0, 3) === 'ID3' || isMpegFrame(bytes, 0)) return 'mp3';
  return undefined;
}
