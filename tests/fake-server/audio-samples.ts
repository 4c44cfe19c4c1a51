/**
 * Tiny audio files for tests: real container headers (enough for the fake server's magic-byte
 * check) followed by filler. A WAV of silence is a complete, playable file.
 */

/** Bytes that start like a file of `container`, `size` long in all. */
export function audioSample(container: 'webm' | 'ogg' | 'wav' | 'mp3' | 'flac' | 'mp4', size = 3000): Uint8Array<ArrayBuffer> {
  const heads: Record<string, number[]> = {
    webm: [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01],
    ogg: [...Buffer.from('OggS'), 0x00, 0x02],
    mp3: [...Buffer.from('ID3'), 0x04, 0x00],
    flac: [...Buffer.from('fLaC')],
    mp4: [0x00, 0x00, 0x00, 0x20, ...Buffer.from('ftypM4A ')],
  };
  if (container === 'wav') return silentWav(size);
  const bytes = new Uint8Array(Math.max(size, 16));
  bytes.set(heads[container]);
  return bytes;
}

/** A 16-bit mono PCM WAV of silence, `size` bytes long in all (16 kHz: 32,000 bytes a second). */
export function silentWav(size = 32_044, sampleRate = 16_000): Uint8Array<ArrayBuffer> {
  const buffer = Buffer.alloc(Math.max(size, 44));
  buffer.write('RIFF', 0, 'latin1');
  buffer.writeUInt32LE(buffer.length - 8, 4);
  buffer.write('WAVEfmt ', 8, 'latin1');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'latin1');
  buffer.writeUInt32LE(buffer.length - 44, 40);
  return new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length) as ArrayBuffer);
}

/** One MPEG-1 Layer III frame header: 64 kbit/s, 48 kHz, mono; 192 bytes and 24 ms a frame. */
const MP3_FRAME_HEADER = [0xff, 0xfb, 0x54, 0xc0];
/** Bytes of one frame of {@link mp3Stream}. */
export const MP3_FRAME_BYTES = 192;
/** Seconds of one frame of {@link mp3Stream}. */
export const MP3_FRAME_SECONDS = 1152 / 48_000;

/**
 * A constant-bitrate MP3 (64 kbit/s, 48 kHz mono) of `seconds`, rounded to whole frames: valid
 * frame headers with empty side information, which decoders play as silence. 90 minutes is
 * 43.2 MB. `id3` puts a small ID3v2 tag in front, as most files have.
 */
export function mp3Stream(seconds: number, options: { id3?: boolean } = {}): Uint8Array<ArrayBuffer> {
  const frames = Math.round(seconds / MP3_FRAME_SECONDS);
  const tag = options.id3 ? id3Tag(100) : new Uint8Array(0);
  const bytes = new Uint8Array(tag.length + frames * MP3_FRAME_BYTES);
  bytes.set(tag);
  for (let i = 0; i < frames; i++) bytes.set(MP3_FRAME_HEADER, tag.length + i * MP3_FRAME_BYTES);
  return bytes;
}

/** An ID3v2.4 tag with `size` bytes of (empty) frames. */
function id3Tag(size: number): Uint8Array {
  const tag = new Uint8Array(10 + size);
  tag.set([0x49, 0x44, 0x33, 4, 0, 0, (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
  return tag;
}

/** A 16-bit mono PCM WAV of a sine tone, `seconds` long at `sampleRate`. */
export function toneWav(seconds: number, sampleRate = 8000, hz = 440): Uint8Array<ArrayBuffer> {
  const count = Math.round(seconds * sampleRate);
  const bytes = silentWav(44 + count * 2, sampleRate);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < count; i++)
    view.setInt16(44 + i * 2, Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / sampleRate)), true);
  return bytes;
}
