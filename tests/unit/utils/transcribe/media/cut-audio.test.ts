import { describe, expect, it } from 'vitest';
import { audioSample, mp3Stream, toneWav } from '@/tests/fake-server/audio-samples';
import { prepareAudio, sniffAudio, uploadName } from '@/utils/transcribe/media/cut-audio';
import { readFrameHeader } from '@/utils/transcribe/media/mp3';
import { readWavHeader } from '@/utils/transcribe/media/wav';

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('sniffAudio and uploadName', () => {
  it('knows each container by its first bytes', () => {
    for (const container of ['webm', 'ogg', 'wav', 'mp3', 'flac', 'mp4'] as const) {
      expect(sniffAudio(audioSample(container))).toBe(container);
    }
    expect(sniffAudio(new TextEncoder().encode('<html>'))).toBeUndefined();
  });

  it('keeps an extension the API takes, else names the container', () => {
    expect(uploadName('Lecture 3.M4A', 'mp4')).toBe('audio.m4a');
    expect(uploadName('clip.mov', 'mp4')).toBe('audio.mp4');
    expect(uploadName('https://example.com/stream', 'webm')).toBe('audio.webm');
  });
});

describe('prepareAudio', () => {
  it('sends a short file whole', async () => {
    const file = new Blob([toneWav(5)]);
    const prepared = await prepareAudio(file, 'short.wav');
    expect(prepared).toMatchObject({ method: 'whole', seconds: 5 });
    expect(prepared.pieces).toEqual([{ start: 0, end: 5, blob: file, fileName: 'audio.wav' }]);
  });

  it('cuts a 12-minute WAV into pieces with fresh headers and every sample once', async () => {
    const source = toneWav(720, 8000);
    const prepared = await prepareAudio(new Blob([source]), 'talk.wav');
    expect(prepared.method).toBe('wav');
    expect(prepared.pieces.map((piece) => [piece.start, piece.end])).toEqual([
      [0, 180],
      [180, 360],
      [360, 540],
      [540, 720],
    ]);
    let samples = 0;
    for (const piece of prepared.pieces) {
      const bytes = await bytesOf(piece.blob);
      const info = readWavHeader(bytes, bytes.length)!;
      expect(info.seconds).toBe(piece.end - piece.start);
      expect(bytes.subarray(44, 54)).toEqual(source.subarray(44 + samples * 2, 54 + samples * 2));
      samples += info.dataBytes / 2;
    }
    expect(samples).toBe(720 * 8000);
  });

  it('cuts a long MP3 at frame starts without decoding', async () => {
    const source = mp3Stream(1300, { id3: true });
    const prepared = await prepareAudio(new Blob([source]), 'long.mp3');
    expect(prepared.method).toBe('mp3');
    expect(prepared.pieces.length).toBe(4);
    let bytes = 0;
    for (const piece of prepared.pieces) {
      const data = await bytesOf(piece.blob);
      expect(readFrameHeader(data, 0)).not.toBeNull();
      expect(piece.fileName).toBe('audio.mp3');
      bytes += data.length;
    }
    expect(bytes).toBe(source.length - 110); // all frames, once; the ID3 tag left out
  });

  it('refuses what is not audio', async () => {
    await expect(prepareAudio(new Blob(['<html>']), 'page.html')).rejects.toThrow();
  });
});
