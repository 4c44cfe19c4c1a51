import { describe, expect, it } from 'vitest';
import {
  parsePlayerCaptions,
  sameOriginUrl,
  timedTextUrl,
  withPlayerCaptions,
} from '@/utils/transcribe/transcript/player-captions';
import type { PageMedia } from '@/utils/transcribe/types';

const PAGE = 'https://www.youtube.com/watch?v=abc123&t=10s';
const track = (over: Record<string, unknown> = {}) => ({
  baseUrl: 'https://www.youtube.com/api/timedtext?v=abc123&lang=en&signature=x',
  name: 'English',
  languageCode: 'en',
  ...over,
});

describe('parsePlayerCaptions', () => {
  it('keeps checked tracks on the page origin, marks asr as auto, reads title and length', () => {
    const parsed = parsePlayerCaptions(
      {
        videoId: 'abc123',
        title: '  A   talk ',
        lengthSeconds: '754',
        tracks: [
          track(),
          track({
            baseUrl: '/api/timedtext?v=abc123&lang=de&kind=asr',
            name: 'German (auto-generated)',
            languageCode: 'de',
            kind: 'asr',
          }),
        ],
      },
      PAGE,
    );
    expect(parsed).toEqual({
      title: 'A talk',
      seconds: 754,
      tracks: [
        {
          name: 'English',
          language: 'en',
          auto: false,
          url: 'https://www.youtube.com/api/timedtext?v=abc123&lang=en&signature=x',
        },
        {
          name: 'German (auto-generated)',
          language: 'de',
          auto: true,
          url: 'https://www.youtube.com/api/timedtext?v=abc123&lang=de&kind=asr',
        },
      ],
    });
  });

  it('drops tracks whose address is on another origin, not http(s), not a string or too long', () => {
    const parsed = parsePlayerCaptions(
      {
        tracks: [
          track({ baseUrl: 'https://evil.example/api/timedtext?v=abc123' }),
          track({ baseUrl: 'http://www.youtube.com/api/timedtext' }),
          track({ baseUrl: 'javascript:alert(1)' }),
          track({ baseUrl: 'data:text/vtt,WEBVTT' }),
          track({ baseUrl: '//evil.example/x' }),
          track({ baseUrl: { href: 'https://www.youtube.com/' } }),
          track({ baseUrl: `https://www.youtube.com/api/timedtext?x=${'a'.repeat(9000)}` }),
          null,
          'https://www.youtube.com/api/timedtext',
          track({ languageCode: 'en"><script>', name: '' }),
        ],
      },
      PAGE,
    );
    // Only the last survives: its language is not a language code, so it has no name either.
    expect(parsed?.tracks).toEqual([{ name: '', language: '', auto: false, url: track().baseUrl }]);
  });

  it('caps the number of tracks and the length of names', () => {
    const many = Array.from({ length: 500 }, (_, i) => track({ name: `Track ${i} ${'x'.repeat(1000)}` }));
    const parsed = parsePlayerCaptions({ tracks: many }, PAGE)!;
    expect(parsed.tracks).toHaveLength(50);
    expect(parsed.tracks[0]!.name.length).toBe(200);
  });

  it('refuses a response of another video than the address names (a stale ytInitialPlayerResponse)', () => {
    expect(parsePlayerCaptions({ videoId: 'old456', tracks: [track()] }, PAGE)).toBeNull();
    expect(parsePlayerCaptions({ videoId: 'abc123', tracks: [track()] }, PAGE)?.tracks).toHaveLength(1);
    // A page without ?v= (an embed, a test page) is not checked this way.
    expect(parsePlayerCaptions({ videoId: 'old456', tracks: [track()] }, 'https://www.youtube.com/embed/x')?.tracks).toHaveLength(
      1,
    );
  });

  it('reads nothing from what is not a player response, and ignores bad lengths', () => {
    for (const raw of [null, undefined, 'x', 42, [track()]]) expect(parsePlayerCaptions(raw, PAGE)).toBeNull();
    expect(parsePlayerCaptions({ tracks: 'many' }, PAGE)).toEqual({ title: '', seconds: null, tracks: [] });
    expect(parsePlayerCaptions({ lengthSeconds: 'NaN' }, PAGE)?.seconds).toBeNull();
    expect(parsePlayerCaptions({ lengthSeconds: -5 }, PAGE)?.seconds).toBeNull();
    expect(parsePlayerCaptions({ tracks: [track()] }, 'not a url')).toBeNull();
  });
});

describe('sameOriginUrl and timedTextUrl', () => {
  it('resolves relative addresses against the page and keeps only its origin', () => {
    expect(sameOriginUrl('/api/timedtext?lang=en', 'http://127.0.0.1:8080/watch')).toBe(
      'http://127.0.0.1:8080/api/timedtext?lang=en',
    );
    expect(sameOriginUrl('http://127.0.0.1:9090/api/timedtext', 'http://127.0.0.1:8080/watch')).toBeNull();
    expect(sameOriginUrl('', PAGE)).toBeNull();
  });

  it('asks for WebVTT, replacing any format the address named', () => {
    expect(timedTextUrl('https://www.youtube.com/api/timedtext?v=a&fmt=srv3&lang=en')).toBe(
      'https://www.youtube.com/api/timedtext?v=a&fmt=vtt&lang=en',
    );
    expect(timedTextUrl('https://www.youtube.com/api/timedtext?v=a')).toBe('https://www.youtube.com/api/timedtext?v=a&fmt=vtt');
  });
});

describe('withPlayerCaptions', () => {
  const media = (index: number, kind: 'audio' | 'video', title = ''): PageMedia => ({
    index,
    kind,
    src: 'blob:https://www.youtube.com/1',
    fetchable: false,
    duration: null,
    title,
    tracks: [],
    playerTracks: [],
  });
  const captions = { title: 'A talk', seconds: 754, tracks: [{ name: 'English', language: 'en', auto: false, url: PAGE }] };

  it('puts the tracks on the player’s video, with the video’s title and length when it has none', () => {
    const list = withPlayerCaptions([media(0, 'video', 'Ad'), media(1, 'video')], 1, captions);
    expect(list[0]!.playerTracks).toEqual([]);
    expect(list[1]).toMatchObject({ index: 1, title: 'A talk', duration: 754, playerTracks: captions.tracks });
  });

  it('falls back to the first video, then to an entry of its own with nothing to seek', () => {
    expect(withPlayerCaptions([media(0, 'audio'), media(1, 'video')], -1, captions)[1]!.playerTracks).toHaveLength(1);
    const alone = withPlayerCaptions([media(0, 'audio')], -1, captions);
    expect(alone).toHaveLength(2);
    expect(alone[0]).toMatchObject({
      index: -1,
      kind: 'video',
      fetchable: false,
      title: 'A talk',
      playerTracks: captions.tracks,
    });
  });

  it('changes nothing without tracks', () => {
    const list = [media(0, 'video')];
    expect(withPlayerCaptions(list, 0, null)).toBe(list);
    expect(withPlayerCaptions(list, 0, { ...captions, tracks: [] })).toBe(list);
  });
});
