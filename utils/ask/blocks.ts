/**
 * A page's text as numbered blocks (paragraphs, list items, headings, table rows, code blocks), in
 * page order, from the Markdown the extractor makes (utils/page/extract.ts). The numbers are what
 * the model cites (`[n]`) and what a citation highlights, so the same text always gives the same
 * numbers.
 */

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'row' | 'code' | 'quote';

export interface PageBlock {
  /** 1-based, in page order. */
  n: number;
  kind: BlockKind;
  /** The block's Markdown, as the model reads it. */
  text: string;
  /** The block's words as the page shows them (no Markdown markers): what a citation looks for. */
  plain: string;
  /** The number of the heading this block sits under (0: none). */
  heading: number;
}

const FENCE = /^(`{3,}|~{3,})/;
const ITEM = /^(\s*)([-*+]|\d+[.)])\s+/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Splits the Markdown into chunks between blank lines, keeping fenced code whole. */
function chunks(markdown: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    if (current.length) out.push(current.join('\n'));
    current = [];
  };
  for (const line of markdown.split('\n')) {
    const marker = FENCE.exec(line.trim())?.[1];
    if (fence) {
      current.push(line);
      if (marker && line.trim().startsWith(fence)) {
        fence = null;
        flush();
      }
      continue;
    }
    if (marker) {
      flush();
      fence = marker.slice(0, 3);
      current.push(line);
      continue;
    }
    if (!line.trim()) flush();
    else current.push(line);
  }
  flush();
  return out;
}

/** Splits a list chunk into its items (continuation lines stay with their item). */
function listItems(lines: string[]): string[] {
  const items: string[] = [];
  for (const line of lines) {
    if (ITEM.test(line) || items.length === 0) items.push(line);
    else items[items.length - 1] += `\n${line}`;
  }
  return items;
}

/** The words of a block as shown on the page: Markdown markers dropped. */
export function plainText(kind: BlockKind, text: string): string {
  if (kind === 'code') return text.replace(/^(`{3,}|~{3,}).*$/gm, '').trim();
  let plain = text;
  if (kind === 'heading') plain = plain.replace(/^#{1,6}\s+/, '');
  if (kind === 'item') plain = plain.replace(/^\s*([-*+]|\d+[.)])\s+/gm, '');
  if (kind === 'quote') plain = plain.replace(/^\s*>\s?/gm, '');
  if (kind === 'row')
    plain = plain
      .replace(/^\s*\|/, '')
      .replace(/\|\s*$/, '')
      .replace(/\s*\|\s*/g, ' ');
  return plain.replace(/`+/g, '').replace(/\s+/g, ' ').trim();
}

function classify(chunk: string): { kind: BlockKind; parts: string[] } {
  const lines = chunk.split('\n');
  const first = lines[0]!;
  if (FENCE.test(first.trim())) return { kind: 'code', parts: [chunk] };
  if (/^#{1,6}\s/.test(first) && lines.length === 1) return { kind: 'heading', parts: [chunk] };
  if (ITEM.test(first)) return { kind: 'item', parts: listItems(lines) };
  if (lines.length >= 2 && TABLE_RULE.test(lines[1]!) && first.includes('|')) {
    return { kind: 'row', parts: [first, ...lines.slice(2)] };
  }
  if (/^\s*>/.test(first)) return { kind: 'quote', parts: [chunk] };
  return { kind: 'paragraph', parts: [chunk] };
}

/** The page's blocks, numbered from 1 in page order. */
export function splitBlocks(markdown: string): PageBlock[] {
  const blocks: PageBlock[] = [];
  let heading = 0;
  for (const chunk of chunks(markdown)) {
    const { kind, parts } = classify(chunk);
    for (const part of parts) {
      const plain = plainText(kind, part);
      if (!/[\p{L}\p{N}]/u.test(plain)) continue;
      const n = blocks.length + 1;
      blocks.push({ n, kind, text: part, plain, heading: kind === 'heading' ? 0 : heading });
      if (kind === 'heading') heading = n;
    }
  }
  return blocks;
}
