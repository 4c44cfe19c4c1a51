/**
 * Measures of extracted text against a reference article (used by the extraction tests and the
 * summarize benchmark): words, with CJK text counted per character (it has no spaces), and the
 * share of the reference's words found in the extracted text.
 */

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/;

/** Lower-cased words; CJK runs split into characters. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).flatMap((word) => (CJK.test(word) ? Array.from(word) : [word]));
}

/** Share of the reference's words (with multiplicity) that the candidate contains. */
export function wordRecall(reference: string, candidate: string): number {
  const bag = new Map<string, number>();
  for (const word of words(candidate)) bag.set(word, (bag.get(word) ?? 0) + 1);
  const wanted = words(reference);
  if (wanted.length === 0) return 1;
  let found = 0;
  for (const word of wanted) {
    const left = bag.get(word) ?? 0;
    if (left > 0) {
      found += 1;
      bag.set(word, left - 1);
    }
  }
  return found / wanted.length;
}

/** The reference text of an `expected.html` body: its text with HTML whitespace collapsed. */
export function referenceText(body: { textContent: string | null }): string {
  return (body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The p-th percentile (0–100), nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
