import type { PageCommand, PageStatus, PageTranslateConfig } from '@/utils/pagetranslate/types';

/**
 * The page-translation script's entry in a frame's isolated world (which page scripts cannot see),
 * where the background's `scripting.executeScript` calls reach it: loaded once, then commanded.
 */
export const PAGE_BRIDGE_KEY = '__glancePageTranslate';

export interface PageBridge {
  /** Settles once the command is done; a status waits for the page's paragraphs to be found. */
  command(command: PageCommand, config: PageTranslateConfig): Promise<PageStatus>;
}
