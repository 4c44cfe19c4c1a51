const WIDE = /[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

/**
 * A cheap token estimate without a tokenizer: about one token per CJK character and one per four
 * other characters (cl100k/o200k on English prose). For what must not wait for the tokenizer's
 * 2 MB of ranks: filling and cutting page-translation batches, and a call's provisional ledger
 * line, written before its request is sent (the exact count replaces it moments later).
 */
export function roughTokens(text: string): number {
  const wide = text.match(WIDE)?.length ?? 0;
  return Math.ceil(wide + (text.length - wide) / 4);
}
