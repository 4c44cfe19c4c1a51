import { describe, expect, it } from 'vitest';
import { MP3_FRAME_BYTES, MP3_FRAME_SECONDS, mp3Stream } from '@/tests/fake-server/audio-samples';
import { indexMp3, mp3Range, readFrameHeader } from '@/utils/transcribe/media/mp3';

const reader = (bytes: Uint8Array) => async (start: number, end: number) => bytes.subarray(start, end);

describe('MP3 frame headers', () => {
  it('reads MPEG-1 layer III at 64 kbit/s, 48 kHz and 128 kbit/s, 44.1 kHz with padding', () => {
    expect(readFrameHeader(Uint8Array.from([0xff, 0xfb, 0x54, 0xc0]), 0)).toEqual({
      length: 192,
      samples: 1152,
      sampleRate: 48000,
      bitrate: 64,
    });
    // 128 kbit/s (index 9), 44.1 kHz, padding bit set: 417 + 1 bytes.
    expect(readFrameHeader(Uint8Array.from([0xff, 0xfb, 0x92, 0x00]), 0)?.length).toBe(418);
    // MPEG-2 layer III 24 kHz: 576 samples a frame.
    expect(readFrameHeader(Uint8Array.from([0xff, 0xf3, 0x84, 0xc0]), 0)).toMatchObject({ samples: 576, sampleRate: 24000 });
  });

  it('refuses bytes that are no frame header', () => {
    expect(readFrameHeader(Uint8Array.from([0xff, 0xfb, 0xf4, 0xc0]), 0)).toBeNull(); // bad bitrate index
    expect(readFrameHeader(Uint8Array.from([0xff, 0xeb, 0x54, 0xc0]), 0)).toBeNull(); // reserved version
    expect(readFrameHeader(Uint8Array.from([0x49, 0x44, 0x33, 0x04]), 0)).toBeNull();
  });
});

describe('indexMp3', () => {
  it('finds the length of a stream after its ID3 tag, across 1 MB windows', async () => {
    const bytes = mp3Stream(200, { id3: true }); // 1.6 MB: two windows
    const index = await indexMp3(reader(bytes), bytes.length);
    expect(index.audioStart).toBe(110);
    expect(index.frames).toBe(Math.round(200 / MP3_FRAME_SECONDS));
    expect(index.seconds).toBeCloseTo(Math.round(200 / MP3_FRAME_SECONDS) * MP3_FRAME_SECONDS, 6);
    expect(index.audioEnd).toBe(bytes.length);
  });

  it('skips junk between frames and a trailing ID3v1 tag', async () => {
    const a = mp3Stream(1);
    const junk = new Uint8Array(37).fill(0x20);
    const tag = new Uint8Array(128);
    tag.set([0x54, 0x41, 0x47]);
    const bytes = new Uint8Array([...a, ...junk, ...a, ...tag]);
    const index = await indexMp3(reader(bytes), bytes.length);
    expect(index.frames).toBe(2 * Math.round(1 / MP3_FRAME_SECONDS));
  });

  it('cuts at frame starts: consecutive ranges meet, each starts on a frame, times within a frame of the asked', async () => {
    const bytes = mp3Stream(100);
    const index = await indexMp3(reader(bytes), bytes.length);
    const bounds = [0, 33, 66, 100];
    const ranges = bounds.slice(1).map((end, i) => mp3Range(index, bounds[i]!, end));
    expect(ranges[0]!.from).toBe(0);
    expect(ranges.at(-1)!.to).toBe(bytes.length);
    for (let i = 0; i < ranges.length; i++) {
      const range = ranges[i]!;
      expect(range.from % MP3_FRAME_BYTES).toBe(0);
      expect(readFrameHeader(bytes, range.from)).not.toBeNull();
      expect(Math.abs(range.start - bounds[i]!)).toBeLessThan(MP3_FRAME_SECONDS);
      if (i > 0) {
        expect(range.from).toBe(ranges[i - 1]!.to);
        expect(range.start).toBe(ranges[i - 1]!.end);
      }
    }
  });

  it('throws for a file with no frames', async () => {
    const bytes = new Uint8Array(5000).fill(7);
    await expect(indexMp3(reader(bytes), bytes.length)).rejects.toThrow(/no MPEG audio frames/);
  });
});
