import { browser } from 'wxt/browser';
import { AppError } from '@/utils/errors';
import { listPageMedia, readPageTrack, seekPageMedia } from '@/utils/page/media-scan';
import { fetchPageCaptions, readPlayerCaptions } from '@/utils/page/youtube-captions';
import { parsePlayerCaptions, timedTextUrl, withPlayerCaptions } from '@/utils/transcribe/transcript/player-captions';
import type { PageMedia } from '@/utils/transcribe/types';

async function inTab<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('page_unreadable', { detail: error instanceof Error ? error.message : String(error), cause: error });
  }
}

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');

/** The player response's caption list, read in the page's main world; null when there is none or it fails. */
async function playerCaptions(tabId: number): Promise<unknown> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, world: 'MAIN', func: readPlayerCaptions });
    return frame?.result ?? null;
  } catch {
    // A page whose main world cannot be read still lists its media.
    return null;
  }
}

/**
 * The tab's audio and video elements (what the page says, checked and bounded), the caption
 * tracks of a YouTube-style player's response on its video.
 */
export async function listMedia(tabId: number): Promise<PageMedia[]> {
  return inTab(async () => {
    const [[frame], player] = await Promise.all([
      browser.scripting.executeScript({ target: { tabId }, func: listPageMedia }),
      playerCaptions(tabId),
    ]);
    const scan = (frame?.result ?? {}) as Record<string, unknown>;
    const list = Array.isArray(scan.media) ? (scan.media as unknown[]).slice(0, 50) : [];
    const media = list.map((raw, index): PageMedia => {
      const item = (raw ?? {}) as Record<string, unknown>;
      const src = text(item.src, 4000);
      const tracks = Array.isArray(item.tracks) ? (item.tracks as Record<string, unknown>[]).slice(0, 20) : [];
      return {
        index,
        kind: item.kind === 'video' ? 'video' : 'audio',
        src,
        fetchable: /^https?:\/\//i.test(src),
        duration: typeof item.duration === 'number' && Number.isFinite(item.duration) ? item.duration : null,
        title: text(item.title, 200),
        tracks: tracks.map((track) => ({
          index: typeof track.index === 'number' ? track.index : 0,
          label: text(track.label, 200),
          language: text(track.language, 20),
        })),
        playerTracks: [],
      };
    });
    const playerIndex = typeof scan.player === 'number' && Number.isInteger(scan.player) ? scan.player : -1;
    return withPlayerCaptions(media, playerIndex, parsePlayerCaptions(player, text(scan.href, 8000)));
  });
}

/** The WebVTT text of a media element's caption track, or null. */
export async function readTrack(tabId: number, mediaIndex: number, trackIndex: number): Promise<string | null> {
  return inTab(async () => {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId },
      func: readPageTrack,
      args: [mediaIndex, trackIndex],
    });
    return typeof frame?.result === 'string' ? frame.result : null;
  });
}

/**
 * A player caption track's text (asked for as WebVTT), fetched by the page itself in its
 * isolated world, which refuses any address off the page's origin. Null when it did not answer.
 */
export async function readPlayerTrack(tabId: number, url: string): Promise<string | null> {
  return inTab(async () => {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId },
      func: fetchPageCaptions,
      args: [timedTextUrl(url)],
    });
    return typeof frame?.result === 'string' ? frame.result : null;
  });
}

/** Seeks a media element of the tab; false when it is gone. */
export async function seekMedia(tabId: number, mediaIndex: number, seconds: number): Promise<boolean> {
  return inTab(async () => {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId },
      func: seekPageMedia,
      args: [mediaIndex, seconds],
    });
    return frame?.result === true;
  });
}
