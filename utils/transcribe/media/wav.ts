/**
 * WAV files: reading the header, writing a fresh one, and 16-bit PCM from decoded samples. A long
 * WAV is cut by sample ranges: each piece is a new 44-byte header followed by a slice of the
 * original data, so nothing is decoded or copied in memory before the upload.
 */

/** The sample format of a WAV file and where its samples are. */
export interface WavInfo {
  /** 1: integer PCM, 3: IEEE float. */
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Bytes per sample frame (all channels). */
  blockAlign: number;
  dataOffset: number;
  dataBytes: number;
  seconds: number;
}

const text = (bytes: Uint8Array, at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);

/**
 * Reads the header of a WAV file from its first bytes (`fileSize` bounds a data chunk whose size
 * field is missing or too large, as streaming writers leave it). Returns null when it is not one.
 */
export function readWavHeader(head: Uint8Array, fileSize: number): WavInfo | null {
  if (head.length < 12 || text(head, 0) !== 'RIFF' || text(head, 8) !== 'WAVE') return null;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let fmt: Omit<WavInfo, 'dataOffset' | 'dataBytes' | 'seconds'> | null = null;
  for (let at = 12; at + 8 <= head.length; ) {
    const id = text(head, at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 24 <= head.length) {
      let format = view.getUint16(at + 8, true);
      // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID.
      if (format === 0xfffe && at + 34 <= head.length) format = view.getUint16(at + 32, true);
      fmt = {
        format,
        channels: view.getUint16(at + 10, true),
        sampleRate: view.getUint32(at + 12, true),
        blockAlign: view.getUint16(at + 20, true),
        bitsPerSample: view.getUint16(at + 22, true),
      };
    } else if (id === 'data') {
      if (!fmt || fmt.blockAlign === 0 || fmt.sampleRate === 0) return null;
      const dataOffset = at + 8;
      const available = Math.max(0, fileSize - dataOffset);
      const dataBytes = Math.floor(Math.min(size || available, available) / fmt.blockAlign) * fmt.blockAlign;
      return { ...fmt, dataOffset, dataBytes, seconds: dataBytes / fmt.blockAlign / fmt.sampleRate };
    }
    at += 8 + size + (size % 2);
  }
  return null;
}

/** A 44-byte header for `dataBytes` of samples in the given format. */
export function wavHeader(
  info: Pick<WavInfo, 'format' | 'channels' | 'sampleRate' | 'bitsPerSample'>,
  dataBytes: number,
): Uint8Array {
  const header = new Uint8Array(44);
  const view = new DataView(header.buffer);
  const write = (at: number, value: string) => {
    for (let i = 0; i < 4; i++) header[at + i] = value.charCodeAt(i);
  };
  const blockAlign = (info.channels * info.bitsPerSample) / 8;
  write(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  write(8, 'WAVE');
  write(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, info.format === 3 ? 3 : 1, true);
  view.setUint16(22, info.channels, true);
  view.setUint32(24, info.sampleRate, true);
  view.setUint32(28, info.sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, info.bitsPerSample, true);
  write(36, 'data');
  view.setUint32(40, dataBytes, true);
  return header;
}

/**
 * The byte range of the samples from `start` to `end` seconds (whole sample frames), with the
 * exact times it covers. Consecutive ranges meet exactly.
 */
export function wavRange(info: WavInfo, start: number, end: number): { from: number; to: number; start: number; end: number } {
  const frames = info.dataBytes / info.blockAlign;
  const frameAt = (time: number) => Math.min(frames, Math.max(0, Math.round(time * info.sampleRate)));
  const a = frameAt(start);
  const b = frameAt(end);
  return {
    from: info.dataOffset + a * info.blockAlign,
    to: info.dataOffset + b * info.blockAlign,
    start: a / info.sampleRate,
    end: b / info.sampleRate,
  };
}

/** Mono float samples (-1..1) as a 16-bit PCM WAV file's bytes. */
export function encodeWav16(samples: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  bytes.set(wavHeader({ format: 1, channels: 1, sampleRate, bitsPerSample: 16 }, samples.length * 2));
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    view.setInt16(44 + i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
  return bytes;
}
