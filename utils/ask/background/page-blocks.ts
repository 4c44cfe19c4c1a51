import { browser } from 'wxt/browser';
import type { PageContent } from '@/utils/page/extract';
import { readTab, type Injector } from '@/utils/summary/background/page-access';
import { splitBlocks, type PageBlock } from '@/utils/ask/blocks';
import type { AskPassage } from '@/utils/ask/types';

/** A tab's page read as numbered blocks, and the text selected on it (empty: none). */
export interface BlockPage {
  page: PageContent;
  blocks: PageBlock[];
  selection: string;
}

/** The side panel's reading script (entrypoints/ask-page.ts): the whole page, and the selection apart. */
const injectAskScript: Injector = async (tabId) => {
  const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: ['/ask-page.js'], injectImmediately: true });
  return frame?.result;
};
let inject = injectAskScript;

/** Replaces the injection (WXT's fake browser has no scripting). */
export function setAskInjector(injector: Injector): void {
  inject = injector;
  recent.clear();
}

/** Reads made for estimates while the user types: reused for a few seconds, not re-extracted per keystroke. */
const recent = new Map<number, { at: number; read: Promise<BlockPage> }>();
const REUSE_MS = 4000;

/**
 * Reads a tab's page and splits it into blocks. `fresh` reads it again (what is sent must be the
 * page as it is now); otherwise a read from the last few seconds is reused.
 */
export function readBlocks(tabId: number, options: { fresh?: boolean } = {}): Promise<BlockPage> {
  const cached = recent.get(tabId);
  if (!options.fresh && cached && Date.now() - cached.at < REUSE_MS) return cached.read;
  const read = readTab(tabId, inject).then((page) => {
    const selection = (page as PageContent & { selection?: unknown }).selection;
    return { page, blocks: splitBlocks(page.markdown), selection: typeof selection === 'string' ? selection.trim() : '' };
  });
  recent.set(tabId, { at: Date.now(), read });
  read.catch(() => recent.delete(tabId));
  return read;
}

/** The letters and digits of a text: what the page highlighter matches on. */
function matchKey(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The sent blocks' text, each with which occurrence of that text it is on the page (a repeated
 * line, "Reply", must light up the right one).
 */
export function passagesOf(blocks: readonly PageBlock[], sent: readonly number[]): AskPassage[] {
  const wanted = new Set(sent);
  const seen = new Map<string, number>();
  const passages: AskPassage[] = [];
  let previous = '';
  for (const block of blocks) {
    const key = matchKey(block.plain);
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    if (wanted.has(block.n))
      passages.push({ n: block.n, text: block.plain, nth, ...(previous ? { before: previous.slice(-40) } : {}) });
    previous = key;
  }
  return passages;
}
