import { browser } from 'wxt/browser';

/** The page that transcribes files and page media, in a tab so that it outlives the popup. */
export const TRANSCRIBE_PAGE = '/transcribe.html';

/** Opens the transcribe page for a tab's media (or for files alone when there is no tab). */
export async function openTranscribePage(tabId: number | null): Promise<void> {
  const query = tabId === null ? '' : `?tabId=${tabId}`;
  await browser.tabs.create({ url: `${browser.runtime.getURL(TRANSCRIBE_PAGE as '/transcribe.html')}${query}` });
}
