/**
 * YouTube's own caption tracks, as read from a watch page's player response
 * (`captions.playerCaptionsTracklistRenderer.captionTracks`). Everything here came from the
 * page's main world, where any script can write anything: types are checked, sizes capped, and
 * only a track whose address is on the page's own origin is kept (it is fetched from the page,
 * so no host permission of the extension is used, and never from another site).
 */
import type { PageMedia } from '../types';

/** A caption track of the page's player, offered before any paid transcription. */
export interface PlayerCaptionTrack {
  /** The track's name as the player shows it ("English", "English (auto-generated)"). */
  name: string;
  /** BCP-47 language code ('en', 'zh-Hans'), or ''. */
  language: string;
  /** Speech recognition's captions (`kind: 'asr'`): rolling cues, less accurate. */
  auto: boolean;
  /** The timedtext address, on the page's own origin. */
  url: string;
}

/** What the page's player says it is playing, checked. */
export interface PlayerCaptions {
  /** The video's title, or ''. */
  title: string;
  /** The video's length in seconds, or null. */
  seconds: number | null;
  tracks: PlayerCaptionTrack[];
}

/** Most tracks kept (YouTube lists a few dozen at most, translations are not listed). */
export const MAX_PLAYER_TRACKS = 50;
const MAX_URL = 8000;
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, max) : '');

/** The video id a watch address names (`?v=ID`), or null. */
function watchedId(pageUrl: URL): string | null {
  return pageUrl.searchParams.get('v');
}

/** `address` resolved against the page when it is http(s) on the page's own origin; else null. */
export function sameOriginUrl(address: unknown, pageUrl: string): string | null {
  if (typeof address !== 'string' || !address || address.length > MAX_URL) return null;
  try {
    const page = new URL(pageUrl);
    const url = new URL(address, page);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin === page.origin ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The caption tracks of a player response projection (see utils/page/youtube-captions.ts),
 * checked against the page's address: null when there is no player response, or when it is of
 * another video than the address names (a stale `ytInitialPlayerResponse` after YouTube's own
 * navigation). Tracks with a bad or foreign address are dropped.
 */
export function parsePlayerCaptions(raw: unknown, pageUrl: string): PlayerCaptions | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const value = raw as Record<string, unknown>;
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  const videoId = text(value.videoId, 100);
  const watched = watchedId(page);
  if (watched && videoId && watched !== videoId) return null;
  const length = typeof value.lengthSeconds === 'string' ? Number(value.lengthSeconds) : value.lengthSeconds;
  const list = Array.isArray(value.tracks) ? (value.tracks as unknown[]).slice(0, MAX_PLAYER_TRACKS) : [];
  const tracks: PlayerCaptionTrack[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const track = item as Record<string, unknown>;
    const url = sameOriginUrl(track.baseUrl, pageUrl);
    if (!url) continue;
    const language = text(track.languageCode, 35);
    const name = text(track.name, 200);
    tracks.push({
      name: name || (LANGUAGE.test(language) ? language : ''),
      language: LANGUAGE.test(language) ? language : '',
      auto: track.kind === 'asr',
      url,
    });
  }
  return {
    title: text(value.title, 200),
    seconds: typeof length === 'number' && Number.isFinite(length) && length > 0 && length < 100 * 3600 ? length : null,
    tracks,
  };
}

/** The address to fetch a track as WebVTT (`fmt=vtt`; other formats are parsed too if it answers them). */
export function timedTextUrl(url: string): string {
  const address = new URL(url);
  address.searchParams.set('fmt', 'vtt');
  return address.href;
}

/**
 * The page's media with the player's caption tracks on the player's video (`player`: its index,
 * -1 when the page has none): on the video inside the player, else the page's first video, else
 * on an entry of their own (index -1: nothing to seek).
 */
export function withPlayerCaptions(media: PageMedia[], player: number, captions: PlayerCaptions | null): PageMedia[] {
  if (!captions?.tracks.length) return media;
  const at = media[player]?.kind === 'video' ? player : media.findIndex((item) => item.kind === 'video');
  if (at === -1) {
    const { title, seconds: duration, tracks: playerTracks } = captions;
    return [{ index: -1, kind: 'video', src: '', fetchable: false, duration, title, tracks: [], playerTracks }, ...media];
  }
  return media.map((item, index) =>
    index === at
      ? {
          ...item,
          title: item.title || captions.title,
          duration: item.duration ?? captions.seconds,
          playerTracks: captions.tracks,
        }
      : item,
  );
}
