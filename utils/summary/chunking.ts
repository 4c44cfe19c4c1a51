import { hardSplit, type CountTokens } from '@/utils/text-split';
import { headingTrail, markdownBlocks, markdownSections, type Block } from './sections';

/** A piece of page Markdown that fits one request. */
export interface Chunk {
  /** `markdown.slice(start, end)` is the chunk's text. */
  start: number;
  end: number;
  text: string;
  /** Exact token count of `text`. */
  tokens: number;
  /** Titles of the sections this chunk starts inside (it may start mid-section). */
  headings: string[];
}

export type { CountTokens };

interface Unit {
  start: number;
  end: number;
  tokens: number;
}

/**
 * Splits Markdown into chunks of at most `budget` tokens each, exactly counted. Boundaries are
 * chosen from the coarsest that works: top-level sections first, then subsections, then blocks
 * (paragraphs, lists, tables), then sentences, and only for a single sentence longer than the
 * budget, a cut inside it. Consecutive pieces are packed together up to the budget, so a page
 * becomes as few requests as its structure allows.
 */
export function chunkMarkdown(markdown: string, budget: number, count: CountTokens): Chunk[] {
  if (budget < 1) throw new RangeError('budget must be at least 1 token');
  const blocks = markdownBlocks(markdown);
  if (blocks.length === 0) return [];
  const sections = markdownSections(markdown, blocks);
  const whole = count(markdown.slice(blocks[0]!.start, blocks.at(-1)!.end));
  const units =
    whole <= budget
      ? [{ start: blocks[0]!.start, end: blocks.at(-1)!.end, tokens: whole }]
      : splitBlocks(markdown, blocks, 1, budget, count);
  return pack(markdown, units, budget, count).map((unit) => ({
    ...unit,
    text: markdown.slice(unit.start, unit.end),
    headings: headingTrail(sections, unit.start),
  }));
}

/**
 * Units no larger than the budget, from blocks, splitting at headings of `level` (then deeper
 * levels) where a run of blocks is too long. Each block is counted once; a run's size is the sum
 * of its blocks plus one token per blank line between them (packing re-counts exactly).
 */
function splitBlocks(markdown: string, blocks: Block[], level: number, budget: number, count: CountTokens): Unit[] {
  const tokensOf = blockCounter(markdown, count);
  const split = (run: Block[], depth: number): Unit[] => {
    if (depth > 6) return run.flatMap((block) => splitBlock(markdown, block, tokensOf(block), budget, count));
    // Runs of blocks, each opened by a heading of this depth (the first may have none).
    const groups: Block[][] = [];
    for (const block of run) {
      if (groups.length === 0 || (block.level > 0 && block.level <= depth)) groups.push([block]);
      else groups.at(-1)!.push(block);
    }
    return groups.flatMap((group) => {
      const tokens = group.reduce((sum, block) => sum + tokensOf(block), group.length - 1);
      if (tokens <= budget) return [{ start: group[0]!.start, end: group.at(-1)!.end, tokens }];
      return split(group, depth + 1);
    });
  };
  return split(blocks, level);
}

function blockCounter(markdown: string, count: CountTokens): (block: Block) => number {
  const counts = new Map<Block, number>();
  return (block) => {
    let tokens = counts.get(block);
    if (tokens === undefined) {
      tokens = count(markdown.slice(block.start, block.end));
      counts.set(block, tokens);
    }
    return tokens;
  };
}

/** One block too long on its own: split at sentence (or line) ends, then, as a last resort, inside. */
function splitBlock(markdown: string, block: Block, tokens: number, budget: number, count: CountTokens): Unit[] {
  const text = markdown.slice(block.start, block.end);
  if (tokens <= budget) return [{ start: block.start, end: block.end, tokens }];
  const units: Unit[] = [];
  // Sentence ends in Latin and CJK text, and line breaks (list items, table rows, code lines).
  const boundary = /(?<=[.!?;:][)"'\u201d\u2019]?)\s+|(?<=[。！？；])|\n/g;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index! + match[0].length;
    if (end > start) units.push(...hardSplitSpan(markdown, block.start + start, block.start + end, budget, count));
    start = end;
  }
  if (start < text.length) units.push(...hardSplitSpan(markdown, block.start + start, block.end, budget, count));
  return units.filter((unit) => markdown.slice(unit.start, unit.end).trim() !== '');
}

/** Cuts a span with no boundary left into pieces under the budget (offsets into the whole text). */
function hardSplitSpan(markdown: string, start: number, end: number, budget: number, count: CountTokens): Unit[] {
  return hardSplit(markdown.slice(start, end), budget, count).map((piece) => ({
    start: start + piece.start,
    end: start + piece.end,
    tokens: piece.tokens,
  }));
}

/**
 * Packs consecutive units into chunks up to the budget. Sums of separate counts can differ from
 * the count of the joined text by a token or two, so every chunk is counted again exactly and
 * shrunk when it went over.
 */
function pack(markdown: string, units: Unit[], budget: number, count: CountTokens): Unit[] {
  const chunks: Unit[] = [];
  let index = 0;
  while (index < units.length) {
    let end = index;
    let estimate = units[index]!.tokens;
    while (end + 1 < units.length && estimate + 1 + units[end + 1]!.tokens <= budget) {
      end += 1;
      estimate += 1 + units[end]!.tokens;
    }
    let tokens = count(markdown.slice(units[index]!.start, units[end]!.end));
    while (tokens > budget && end > index) {
      end -= 1;
      tokens = count(markdown.slice(units[index]!.start, units[end]!.end));
    }
    chunks.push({ start: units[index]!.start, end: units[end]!.end, tokens });
    index = end + 1;
  }
  return chunks;
}
