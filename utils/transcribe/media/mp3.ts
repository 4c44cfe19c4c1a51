/**
 * MP3 without decoding: reads MPEG audio frame headers to find the stream's length and the byte
 * offsets where it may be cut. A frame is self-contained enough that a run of whole frames is a
 * valid MP3 file, so a long recording becomes pieces by slicing its bytes at frame starts: no
 * decoded PCM, and only a small window of the file in memory at a time.
 */

/** One frame header, understood. */
export interface Mp3Frame {
  /** Bytes of the whole frame, header included. */
  length: number;
  /** Audio samples (per channel) the frame holds. */
  samples: number;
  sampleRate: number;
  /** kbit/s. */
  bitrate: number;
}

const BITRATES: Record<string, number[]> = {
  // [version 1 | 2 (2 and 2.5)][layer 1..3], index 1..14
  '1-1': [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  '1-2': [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  '1-3': [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2-1': [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  '2-2': [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  '2-3': [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** The frame header at `at`, or null when the bytes there are not one (free bitrate is not supported). */
export function readFrameHeader(bytes: Uint8Array, at: number): Mp3Frame | null {
  if (at + 4 > bytes.length || bytes[at] !== 0xff || (bytes[at + 1]! & 0xe0) !== 0xe0) return null;
  const b1 = bytes[at + 1]!;
  const b2 = bytes[at + 2]!;
  const version = (b1 >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
  const layerBits = (b1 >> 1) & 3; // 3: layer I, 2: layer II, 1: layer III
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (version === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const layer = 4 - layerBits;
  const bitrate = BITRATES[`${version === 3 ? 1 : 2}-${layer}`]![bitrateIndex - 1]!;
  const sampleRate = SAMPLE_RATES[version]![rateIndex]!;
  const padding = (b2 >> 1) & 1;
  if (layer === 1)
    return { length: (Math.floor((12 * bitrate * 1000) / sampleRate) + padding) * 4, samples: 384, sampleRate, bitrate };
  const samples = layer === 3 && version !== 3 ? 576 : 1152;
  return { length: Math.floor(((samples / 8) * bitrate * 1000) / sampleRate) + padding, samples, sampleRate, bitrate };
}

/** Bytes of an ID3v2 tag at the start of the file (0 when there is none). */
export function id3v2Size(bytes: Uint8Array): number {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  const size = ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f);
  return 10 + size + (bytes[5]! & 0x10 ? 10 : 0);
}

/** Whether a frame is a Xing/Info/VBRI header (metadata about the stream, not audio). */
function isInfoFrame(bytes: Uint8Array, at: number, length: number): boolean {
  const text = String.fromCharCode(...bytes.subarray(at + 4, Math.min(at + Math.min(length, 48), bytes.length)));
  return /Xing|Info|VBRI/.test(text);
}

/** Where the audio may be cut: the first frame starting at or after each whole second. */
export interface Mp3Index {
  /** Byte offset of the first audio frame. */
  audioStart: number;
  /** Byte offset just past the last whole frame. */
  audioEnd: number;
  /** Exact length in seconds. */
  seconds: number;
  frames: number;
  /** For second k: the byte offset and exact time of the first frame starting at or after k s. */
  secondOffsets: Float64Array;
  secondTimes: Float64Array;
}

/** Reads bytes `[start, end)` of the file (a Blob slice in the browser). */
export type ReadRange = (start: number, end: number) => Promise<Uint8Array>;

const WINDOW = 1 << 20;

/**
 * Indexes an MP3 of `size` bytes by walking its frame headers, a 1 MB window at a time. Junk
 * between frames (a broken frame, an ID3v1 tag at the end) is skipped by looking for the next
 * frame sync. Throws when no frame is found.
 */
export async function indexMp3(read: ReadRange, size: number): Promise<Mp3Index> {
  let windowStart = 0;
  let window = await read(0, Math.min(size, WINDOW));
  const ensure = async (pos: number, need: number) => {
    if (pos >= windowStart && pos + need <= windowStart + window.length) return true;
    if (pos + need > size) return false;
    windowStart = pos;
    window = await read(pos, Math.min(size, pos + Math.max(WINDOW, need)));
    return true;
  };
  let pos = id3v2Size(window);
  const offsets: number[] = [];
  const times: number[] = [];
  let seconds = 0;
  let frames = 0;
  let base = 0;
  let samples = 0;
  let rate = 0;
  let audioStart = -1;
  let audioEnd = pos;
  while (await ensure(pos, 4)) {
    const frame = readFrameHeader(window, pos - windowStart);
    if (!frame || pos + frame.length > size) {
      pos += 1; // resynchronize on the next frame header
      continue;
    }
    if (audioStart === -1) {
      audioStart = pos;
      if ((await ensure(pos, 48)) && isInfoFrame(window, pos - windowStart, frame.length)) {
        audioStart = pos += frame.length;
        continue;
      }
    }
    // Second k's cut is the first frame that starts at or after k seconds.
    while (offsets.length <= seconds) {
      offsets.push(pos);
      times.push(seconds);
    }
    // Whole samples counted per sample rate: adding each frame's 0.024 s would drift below the true length.
    if (frame.sampleRate !== rate) {
      base = seconds;
      samples = 0;
      rate = frame.sampleRate;
    }
    samples += frame.samples;
    seconds = base + samples / rate;
    frames += 1;
    pos += frame.length;
    audioEnd = pos;
  }
  while (offsets.length <= seconds) {
    offsets.push(audioEnd);
    times.push(seconds);
  }
  if (frames === 0) throw new Error('no MPEG audio frames found');
  return {
    audioStart,
    audioEnd,
    seconds,
    frames,
    secondOffsets: Float64Array.from(offsets),
    secondTimes: Float64Array.from(times),
  };
}

/**
 * The byte range and exact times of the audio from `start` to `end` seconds, cut at frame starts
 * (the first frame at or after each bound). Consecutive ranges meet exactly: no gap, no overlap.
 */
export function mp3Range(index: Mp3Index, start: number, end: number): { from: number; to: number; start: number; end: number } {
  const at = (time: number) => {
    if (time <= 0) return { offset: index.audioStart, time: 0 };
    const k = Math.ceil(time - 1e-9);
    if (time >= index.seconds || k >= index.secondOffsets.length) return { offset: index.audioEnd, time: index.seconds };
    return { offset: index.secondOffsets[k]!, time: index.secondTimes[k]! };
  };
  const a = at(start);
  const b = at(end);
  return { from: a.offset, to: b.offset, start: a.time, end: b.time };
}
