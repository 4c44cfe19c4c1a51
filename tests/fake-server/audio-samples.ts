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
