/**
 * Texts with no natural boundary (no spaces, no sentence ends, no line breaks), for the tests of
 * the hard splitter and of its two callers (translation chunks, summary chunking): each with the
 * token budget it is cut under. Shared so every caller is pinned on exactly the same input.
 */

/** A fixed pseudo-random run of ASCII letters and digits (a token, a hash, a minified blob). */
function letters(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let seed = 7;
  let text = '';
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    text += alphabet[seed % alphabet.length];
  }
  return text;
}

export interface UnbrokenText {
  name: string;
  text: string;
  budget: number;
}

export const UNBROKEN_TEXTS: UnbrokenText[] = [
  { name: 'one ASCII letter repeated', text: 'x'.repeat(300), budget: 20 },
  { name: 'ASCII letters and digits', text: letters(400), budget: 25 },
  { name: 'CJK without punctuation', text: '这是一个没有标点的很长的中文句子'.repeat(20), budget: 15 },
  { name: 'emoji only', text: '😀'.repeat(40), budget: 5 },
  // 😀 is 1 token, 🎉 2, each 𝔘 𝔫 𝔦 3 (o200k): cuts land next to and between surrogate pairs.
  { name: 'emoji and astral letters among ASCII', text: 'ab😀cd🎉ef𝔘𝔫𝔦'.repeat(12), budget: 7 },
  { name: 'astral letters over a 1-token budget', text: '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'.repeat(3), budget: 1 },
  { name: 'ASCII, CJK and emoji mixed', text: 'Hello世界😀abc'.repeat(20), budget: 9 },
];

/** True when a string holds half of a surrogate pair without the other half. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
