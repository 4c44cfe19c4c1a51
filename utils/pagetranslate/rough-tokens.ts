const WIDE = /[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

/**
 * A cheap token estimate without a tokenizer in the page: about one token per CJK character and
 * one per four other characters (cl100k/o200k on English prose), plus the paragraph's marker.
 * Used by the page to fill batches and by the background to cut them: no tokenizer (2 MB of ranks
 * to load) sits between the click and the first request.
 */
export function roughTokens(text: string): number {
  const wide = text.match(WIDE)?.length ?? 0;
  return Math.ceil(wide + (text.length - wide) / 4) + 2;
}
