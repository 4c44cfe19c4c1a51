import { describe, expect, it } from 'vitest';
import { formatClock, stitchPieces, transcriptText } from '@/utils/transcribe/transcript/segments';
import { toSrt, toVtt } from '@/utils/transcribe/transcript/subtitles';
import { parseWebVtt } from '@/utils/transcribe/transcript/webvtt';

describe('stitchPieces', () => {
  it('shifts each piece by its start, keeps segments inside their piece, orders pieces, drops empty text', () => {
    const segments = stitchPieces([
      {
        start: 600,
        end: 720,
        segments: [
          { start: 0, end: 60, text: ' later\n part ' },
          { start: 60, end: 130, text: 'end' },
        ],
      },
      {
        start: 0,
        end: 600,
        segments: [
          { start: 0, end: 5, text: 'first' },
          { start: 5, end: 6, text: '  ' },
        ],
      },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 5, text: 'first' },
      { start: 600, end: 660, text: 'later part' },
      { start: 660, end: 720, text: 'end' },
    ]);
  });
});

describe('formatting', () => {
  it('shows clock times as m:ss under an hour and h:mm:ss beyond', () => {
    expect(formatClock(7.9)).toBe('0:07');
    expect(formatClock(754)).toBe('12:34');
    expect(formatClock(3723)).toBe('1:02:03');
  });

  const segments = [
    { start: 0, end: 2.5, text: 'Hello.' },
    { start: 3723.25, end: 3725, text: 'A --> B\n\nC' },
  ];

  it('writes timestamped text', () => {
    expect(transcriptText(segments)).toBe('[0:00] Hello.\n[1:02:03] A --> B\n\nC');
  });

  it('writes SRT with numbered cues and comma milliseconds', () => {
    expect(toSrt(segments)).toBe('1\n00:00:00,000 --> 00:00:02,500\nHello.\n\n2\n01:02:03,250 --> 01:02:05,000\nA -> B\nC\n');
  });

  it('writes WebVTT that its own parser reads back', () => {
    const vtt = toVtt(segments);
    expect(vtt.startsWith('WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nHello.\n')).toBe(true);
    expect(parseWebVtt(vtt)).toEqual([
      { start: 0, end: 2.5, text: 'Hello.' },
      { start: 3723.25, end: 3725, text: 'A -> B C' },
    ]);
  });
});

describe('parseWebVtt', () => {
  it('reads cues with identifiers, settings, short times, markup and entities; skips NOTE and STYLE', () => {
    const source = [
      '\uFEFFWEBVTT - captions',
      '',
      'NOTE made by hand',
      '',
      'STYLE',
      '::cue { color: red }',
      '',
      'intro',
      '00:01.000 --> 00:04.500 align:start line:0',
      '<v Ann>Hi &amp; welcome</v>',
      'to <i>the</i> show',
      '',
      '01:00:00.000 --> 01:00:02.000',
      '<c.loud>Bye</c> <00:00:01.000>now',
    ].join('\r\n');
    expect(parseWebVtt(source)).toEqual([
      { start: 1, end: 4.5, text: 'Hi & welcome to the show' },
      { start: 3600, end: 3602, text: 'Bye now' },
    ]);
  });

  it('returns nothing for text that is not WebVTT', () => {
    expect(parseWebVtt('1\n00:00:01,000 --> 00:00:02,000\nSRT\n')).toEqual([]);
  });
});
