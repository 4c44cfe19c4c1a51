import { describe, expect, it } from 'vitest';
import { captionSegments, collapseRollingCaptions, MAX_CUES, parseTimedText } from '@/utils/transcribe/transcript/timedtext';

describe('parseTimedText', () => {
  it('reads WebVTT with the WebVTT parser', () => {
    expect(
      parseTimedText('\uFEFFWEBVTT\nKind: captions\nLanguage: en\n\n00:00:01.000 --> 00:00:03.500\nHello &amp; welcome\n'),
    ).toEqual([{ start: 1, end: 3.5, text: 'Hello & welcome' }]);
  });

  it('reads json3: events in milliseconds, words joined, newline-only events and bad events skipped', () => {
    const json3 = JSON.stringify({
      wireMagic: 'pb3',
      events: [
        { tStartMs: 0, dDurationMs: 5000, id: 1, wpWinPosId: 1 },
        { tStartMs: 1200, dDurationMs: 2300, segs: [{ utf8: 'Plants' }, { utf8: ' need', tOffsetMs: 400 }, { utf8: ' water' }] },
        { tStartMs: 3500, dDurationMs: 10, aAppend: 1, segs: [{ utf8: '\n' }] },
        { tStartMs: 'soon', segs: [{ utf8: 'bad time' }] },
        { tStartMs: 4000, segs: [{ utf8: 'no duration' }, { utf8: 7 }, null] },
      ],
    });
    expect(parseTimedText(json3)).toEqual([
      { start: 1.2, end: 3.5, text: 'Plants need water' },
      { start: 4, end: 4, text: 'no duration' },
    ]);
    expect(parseTimedText('{"events": 5}')).toEqual([]);
    expect(parseTimedText('{not json')).toEqual([]);
  });

  it('reads srv3 XML: <p t d> in milliseconds, <s> words, entities decoded, markup dropped', () => {
    const srv3 =
      '<?xml version="1.0" encoding="utf-8" ?><timedtext format="3"><head><ws id="0"/></head><body>' +
      '<p t="65500" d="3500" w="1"><s ac="0">Plants</s><s t="400" ac="0"> need</s><s> water &amp; light</s></p>' +
      '<p t="1000" d="3000">Welcome to<br/>the talk &#39;22 &#x4F60;&#22909;</p>' +
      '<p t="70000" d="1000"></p><p d="5">no start</p></body></timedtext>';
    expect(parseTimedText(srv3)).toEqual([
      { start: 1, end: 4, text: "Welcome to the talk '22 你好" },
      { start: 65.5, end: 69, text: 'Plants need water & light' },
    ]);
  });

  it('reads srv1 XML: <text start dur> in seconds, with its doubly escaped entities', () => {
    const srv1 =
      '<?xml version="1.0" encoding="utf-8" ?><transcript><text start="0.5" dur="2.25">I&amp;#39;m here</text>' +
      '<text start="3" dur="1">&lt;b&gt;bold&lt;/b&gt; &amp;amp; more</text></transcript>';
    expect(parseTimedText(srv1)).toEqual([
      { start: 0.5, end: 2.75, text: "I'm here" },
      { start: 3, end: 4, text: 'bold & more' },
    ]);
  });

  it('gives nothing for other answers (an empty body, an HTML error page is XML-like but has no cues)', () => {
    expect(parseTimedText('')).toEqual([]);
    expect(parseTimedText('Sorry, not found')).toEqual([]);
    expect(parseTimedText('<!doctype html><html><body><h1>403</h1></body></html>')).toEqual([]);
  });

  it('caps the cues and each cue’s length', () => {
    const events = Array.from({ length: MAX_CUES + 10 }, (_, i) => ({ tStartMs: i, segs: [{ utf8: 'x' }] }));
    expect(parseTimedText(JSON.stringify({ events }))).toHaveLength(MAX_CUES);
    const long = parseTimedText(JSON.stringify({ events: [{ tStartMs: 0, segs: [{ utf8: 'x'.repeat(3000) }] }] }));
    expect(long[0]!.text.length).toBe(2000);
  });
});

describe('collapseRollingCaptions', () => {
  // How YouTube writes auto-generated captions in WebVTT: each cue rolls up the line before it.
  const ROLLING = [
    'WEBVTT',
    'Kind: captions',
    'Language: en',
    '',
    '00:00:00.160 --> 00:00:02.070 align:start position:0%',
    ' ',
    'hey<00:00:00.399><c> everyone</c>',
    '',
    '00:00:02.070 --> 00:00:02.080 align:start position:0%',
    'hey everyone',
    ' ',
    '',
    '00:00:02.080 --> 00:00:04.950 align:start position:0%',
    'hey everyone',
    'welcome<00:00:02.500><c> to</c><00:00:02.800><c> the</c><00:00:03.000><c> show</c>',
    '',
    '00:00:04.950 --> 00:00:04.960 align:start position:0%',
    'welcome to the show',
    ' ',
    '',
    '00:00:04.960 --> 00:00:07.000 align:start position:0%',
    'welcome to the show',
    'today<00:00:05.200><c> plants</c>',
    '',
  ].join('\n');

  it('turns rolling cues into one line per stretch of speech', () => {
    expect(captionSegments(ROLLING, true)).toEqual([
      { start: 0.16, end: 2.07, text: 'hey everyone' },
      { start: 2.08, end: 4.95, text: 'welcome to the show' },
      { start: 4.96, end: 7, text: 'today plants' },
    ]);
  });

  it('leaves captions people wrote alone, repeats included', () => {
    expect(captionSegments(ROLLING, false)).toHaveLength(5);
    const said = [
      { start: 0, end: 1, text: 'Yeah.' },
      { start: 1, end: 2, text: 'Yeah.' },
    ];
    expect(collapseRollingCaptions(said)).toEqual([said[0]]);
    expect(captionSegments('WEBVTT\n\n00:00.000 --> 00:01.000\nYeah.\n\n00:01.000 --> 00:02.000\nYeah.\n', false)).toHaveLength(
      2,
    );
  });
});
