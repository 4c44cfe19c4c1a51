import { browser } from 'wxt/browser';
import { AppError } from '@/utils/errors';
import type { ExtractResult, PageContent } from '@/utils/page/extract';

/** The extraction script (entrypoints/extract-page.ts), injected on demand. */
const EXTRACT_SCRIPT = '/extract-page.js';

/** Runs one injection; replaceable in tests (WXT's fake browser has no scripting). */
export type Injector = (tabId: number, wholePage?: boolean) => Promise<unknown>;

/** Runs in the page's isolated world before the extractor: read the whole page, not the selection. */
function chooseWholePage(): void {
  (globalThis as { glanceWholePage?: boolean }).glanceWholePage = true;
}

const injectExtractor: Injector = async (tabId, wholePage = false) => {
  if (wholePage) await browser.scripting.executeScript({ target: { tabId }, func: chooseWholePage, injectImmediately: true });
  const [frame] = await browser.scripting.executeScript({
    target: { tabId },
    files: [EXTRACT_SCRIPT],
    // Run now, even on a page still loading: waiting for it would leave the user with a spinner.
    injectImmediately: true,
  });
  return frame?.result;
};

/**
 * Reads a tab's page: injects the extraction script into its top frame and returns the text (the
 * selection's when there is one, unless `wholePage`).
 * Pages nobody can script (browser pages, the extension store, the PDF viewer, a closed tab, a host
 * Glance may not read) are `page_unreadable`; a page still loading or without text says so.
 */
export async function readTab(tabId: number, inject: Injector = injectExtractor, wholePage = false): Promise<PageContent> {
  let result: unknown;
  try {
    result = await inject(tabId, wholePage);
  } catch (error) {
    throw new AppError('page_unreadable', { detail: error instanceof Error ? error.message : String(error), cause: error });
  }
  const value = result as ExtractResult | undefined;
  if (!value || typeof value !== 'object' || typeof value.ok !== 'boolean') throw new AppError('page_unreadable');
  if (value.ok) return value.page;
  if (value.reason === 'loading') throw new AppError('page_loading');
  if (value.reason === 'empty') throw new AppError('page_empty');
  throw new AppError('page_unreadable', { detail: value.reason });
}

/** The "whole page, not the selection" choice of a request: absent is false. */
export function asWholePage(value: unknown): boolean {
  if (value !== undefined && typeof value !== 'boolean') throw new AppError('refused', { detail: 'wholePage is not a boolean' });
  return value === true;
}
