import { describe, expect, it } from 'vitest';
import { toneWav } from '@/tests/fake-server/audio-samples';
import { coverage, planPieces, sendWhole } from '@/utils/transcribe/media/pieces';
import { encodeWav16, readWavHeader, wavHeader, wavRange } from '@/utils/transcribe/media/wav';

describe('WAV', () => {
  it('reads the format and data of a WAV, and a fresh header reads back the same', () => {
    const bytes = toneWav(3, 8000);
    const info = readWavHeader(bytes, bytes.length)!;
    expect(info).toMatchObject({ format: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16, dataOffset: 44, dataBytes: 48000 });
    expect(info.seconds).toBe(3);
    const header = wavHeader(info, 1000);
    expect(readWavHeader(header, 44 + 1000)).toMatchObject({ sampleRate: 8000, dataBytes: 1000, channels: 1 });
  });

  it('bounds a data chunk whose size field is missing by the file size, and refuses what is not WAV', () => {
    const bytes = toneWav(1, 8000);
    new DataView(bytes.buffer).setUint32(40, 0xffffffff, true);
    expect(readWavHeader(bytes, bytes.length)?.dataBytes).toBe(16000);
    expect(readWavHeader(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), 12)).toBeNull();
  });

  it('cuts by whole sample frames; consecutive ranges meet', () => {
    const bytes = toneWav(10, 8000);
    const info = readWavHeader(bytes, bytes.length)!;
    const a = wavRange(info, 0, 4.00001);
    const b = wavRange(info, 4.00001, 10);
    expect(a).toEqual({ from: 44, to: 44 + 32000 * 2, start: 0, end: 4 });
    expect(b.from).toBe(a.to);
    expect(b.to).toBe(bytes.length);
  });

  it('encodes float samples as 16-bit PCM, clipped', () => {
    const bytes = encodeWav16(Float32Array.from([0, 1, -1, 2]), 16000);
    const view = new DataView(bytes.buffer);
    expect(readWavHeader(bytes, bytes.length)).toMatchObject({ sampleRate: 16000, dataBytes: 8 });
    expect([0, 1, 2, 3].map((i) => view.getInt16(44 + i * 2, true))).toEqual([0, 32767, -32768, 32767]);
  });
});

describe('planPieces', () => {
  it('leaves a recording of up to ten minutes whole', () => {
    expect(planPieces(600)).toEqual([{ start: 0, end: 600 }]);
  });

  it('cuts 90 minutes into 12 pieces of 7.5 minutes (three full rounds of four), covering all of it', () => {
    const spans = planPieces(5400.2);
    expect(spans).toHaveLength(12);
    expect(Math.max(...spans.map((span) => span.end - span.start))).toBeLessThanOrEqual(600);
    expect(coverage(spans, 5400.2)).toEqual({ maxGap: 0, maxOverlap: 0 });
  });

  it('cuts 12 minutes into four pieces, never shorter than two minutes', () => {
    expect(planPieces(720).map((span) => span.end - span.start)).toEqual([180, 180, 180, 180]);
    expect(planPieces(610)).toHaveLength(2 + 2); // 4 × 152.5 s
    expect(planPieces(610, { minSeconds: 300 })).toHaveLength(2);
  });

  it('measures gaps and overlaps, at the ends too', () => {
    expect(
      coverage(
        [
          { start: 0.5, end: 10 },
          { start: 9, end: 19 },
        ],
        21,
      ),
    ).toEqual({ maxGap: 2, maxOverlap: 1 });
  });

  it('sends a file whole only within both the size and the duration limit', () => {
    expect(sendWhole(1e6, 300, 25e6)).toBe(true);
    expect(sendWhole(30e6, 300, 25e6)).toBe(false);
    expect(sendWhole(1e6, 720, 25e6)).toBe(false);
  });
});
