/**
 * Which blocks of a page go with a question: the whole page when it fits the budget; otherwise
 * the blocks that best match the question by BM25 (Latin words lightly stemmed, CJK text as
 * character bigrams), each with the heading it sits under, up to the budget. Pure.
 */
import type { PageBlock } from './blocks';

export type CountTokens = (text: string) => number;

/** What goes with one question. */
export interface AskSelection {
  /** The chosen blocks' numbers, in page order. */
  sent: number[];
  /** How many blocks the page has. */
  total: number;
  /** Tokens of the page text sent (with the `[n] ` prefixes). */
  tokens: number;
  /** True when the whole page was sent. */
  whole: boolean;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const STOP_WORDS = new Set(
  'a an the and or of to in on at by is are was were be been it its as for with that this these those from what which who whom whose when where why how do does did not no can could would should will shall may might has have had there their they them then than into about over also just only such some any all more most other our your you we he she his her i me my'.split(
    ' ',
  ),
);

/** A light stemmer: enough that "prices" finds "price" and "running" finds "run". */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The terms of a text: stemmed Latin words (no stop words), and CJK runs as character bigrams. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (CJK.test(word)) {
      // A run may mix scripts ("gpt模型"): Latin parts are words, CJK parts bigrams.
      for (const part of word.match(
        /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu,
      ) ?? []) {
        if (!CJK.test(part)) {
          if (!STOP_WORDS.has(part)) out.push(stem(part));
          continue;
        }
        const characters = Array.from(part);
        if (characters.length === 1) out.push(part);
        for (let i = 0; i + 1 < characters.length; i++) out.push(characters[i]! + characters[i + 1]!);
      }
    } else if (!STOP_WORDS.has(word)) {
      out.push(stem(word));
    }
  }
  return out;
}

const K1 = 1.2;
const B = 0.75;

/** BM25 scores of every block for the question (a block's heading counts as part of it). */
export function scoreBlocks(blocks: readonly PageBlock[], question: string): number[] {
  const query = [...new Set(terms(question))];
  if (!query.length) return blocks.map(() => 0);
  const byNumber = new Map(blocks.map((block) => [block.n, block]));
  const docs = blocks.map((block) => {
    const heading = block.heading ? (byNumber.get(block.heading)?.plain ?? '') : '';
    const counts = new Map<string, number>();
    const words = terms(`${block.plain} ${heading}`);
    for (const term of words) counts.set(term, (counts.get(term) ?? 0) + 1);
    return { counts, length: words.length };
  });
  const average = docs.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, docs.length);
  const idf = new Map<string, number>();
  for (const term of query) {
    const df = docs.reduce((sum, doc) => sum + (doc.counts.has(term) ? 1 : 0), 0);
    idf.set(term, Math.log(1 + (docs.length - df + 0.5) / (df + 0.5)));
  }
  return docs.map((doc) => {
    let score = 0;
    for (const term of query) {
      const tf = doc.counts.get(term) ?? 0;
      if (!tf) continue;
      score += idf.get(term)! * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / (average || 1))));
    }
    return score;
  });
}

/** How a block is written in the prompt: its number in square brackets, then its Markdown. */
export function formatBlock(block: Pick<PageBlock, 'n' | 'text'>): string {
  return `[${block.n}] ${block.text}`;
}

/**
 * Chooses the blocks to send for `question` within `budget` page tokens: all of them when the
 * page fits; else the `carried` ones first (what the previous answer cited, a follow-up's context;
 * at most a quarter of the budget), then the best-scoring ones with their headings, then (with room
 * left) the page's first blocks, in page order.
 */
export function selectBlocks(
  blocks: readonly PageBlock[],
  question: string,
  budget: number,
  count: CountTokens,
  carried: readonly number[] = [],
): AskSelection {
  const sizes = new Map<number, number>();
  const size = (block: PageBlock) => {
    let tokens = sizes.get(block.n);
    if (tokens === undefined) {
      tokens = count(formatBlock(block)) + 1;
      sizes.set(block.n, tokens);
    }
    return tokens;
  };
  const whole = blocks.reduce((sum, block) => sum + size(block), 0);
  if (whole <= budget) return { sent: blocks.map((block) => block.n), total: blocks.length, tokens: whole, whole: true };

  const scores = scoreBlocks(blocks, question);
  const ranked = blocks
    .map((block, index) => ({ block, score: scores[index]! }))
    .sort((a, b) => b.score - a.score || a.block.n - b.block.n);
  const byNumber = new Map(blocks.map((block) => [block.n, block]));
  const chosen = new Set<number>();
  let used = 0;
  const take = (block: PageBlock): boolean => {
    if (chosen.has(block.n)) return true;
    if (used + size(block) > budget) return false;
    chosen.add(block.n);
    used += size(block);
    return true;
  };
  for (const n of carried) {
    const block = byNumber.get(n);
    if (block && used + size(block) <= budget / 4) take(block);
  }
  for (const { block, score } of ranked) {
    if (score <= 0) break;
    const heading = block.heading ? byNumber.get(block.heading) : undefined;
    // A passage without room for its heading still goes: the heading is context, the passage the answer.
    if (heading && !chosen.has(heading.n) && used + size(heading) + size(block) <= budget) take(heading);
    take(block);
  }
  for (const block of blocks) {
    if (used >= budget * 0.98) break;
    take(block);
  }
  const sent = [...chosen].sort((a, b) => a - b);
  return { sent, total: blocks.length, tokens: used, whole: false };
}
