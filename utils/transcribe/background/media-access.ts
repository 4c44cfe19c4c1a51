import { browser } from 'wxt/browser';
import { AppError } from '@/utils/errors';
import { listPageMedia, readPageTrack, seekPageMedia } from '@/utils/page/media-scan';
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

/** The tab's audio and video elements (what the page says, checked and bounded). */
export async function listMedia(tabId: number): Promise<PageMedia[]> {
  return inTab(async () => {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: listPageMedia });
    const list = Array.isArray(frame?.result) ? (frame.result as unknown[]).slice(0, 50) : [];
    return list.map((raw, index): PageMedia => {
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
      };
    });
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
