import { browser } from 'wxt/browser';
import { AppError } from '@/utils/errors';
import { MAX_MESSAGE_CHARS } from '@/utils/chat/types';

/** What a page's top frame has selected, with its title and address. */
export interface PageSelection {
  text: string;
  title: string;
  url: string;
}

/** Runs in the page (isolated world): self-contained, as `executeScript` requires. */
function selectionInPage(): PageSelection {
  return { text: getSelection()?.toString() ?? '', title: document.title, url: location.href };
}

/** Runs the reader in a tab; replaceable in tests (WXT's fake browser has no scripting). */
export type SelectionReader = (tabId: number) => Promise<unknown>;

const inject: SelectionReader = async (tabId) => {
  const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: selectionInPage });
  return frame?.result;
};

/**
 * The text selected in a tab's page, for the popup's starters (Translate a selection, Explain):
 * trimmed, at most what a chat message may hold, '' when nothing is selected. A page Glance cannot
 * read is `page_unreadable`. What comes back is page text: untrusted, shown and sent as data.
 */
export async function readSelection(tabId: number, read: SelectionReader = inject): Promise<PageSelection> {
  let result: unknown;
  try {
    result = await read(tabId);
  } catch (error) {
    throw new AppError('page_unreadable', { detail: error instanceof Error ? error.message : String(error), cause: error });
  }
  const value = (result ?? {}) as Partial<Record<keyof PageSelection, unknown>>;
  const text = typeof value.text === 'string' ? value.text.trim().slice(0, MAX_MESSAGE_CHARS) : '';
  return {
    text,
    title: typeof value.title === 'string' ? value.title.slice(0, 500) : '',
    url: typeof value.url === 'string' ? value.url.slice(0, 2048) : '',
  };
}
