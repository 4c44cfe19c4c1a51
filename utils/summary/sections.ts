/**
 * The structure of extracted page Markdown: its blocks (paragraphs, headings, lists, tables, code)
 * and the sections headings open, as character offsets into the text. Chunking splits on these,
 * and answers that cite the page can point back at them.
 */

/** One block: `markdown.slice(start, end)`; `level` is 1–6 for a heading, 0 otherwise. */
export interface Block {
  start: number;
  end: number;
  level: number;
}

/** A heading's section: from the heading to the next heading of the same or a higher level. */
export interface Section {
  start: number;
  end: number;
  level: number;
  title: string;
}

const HEADING = /^(#{1,6}) +(.*)$/;
const FENCE = /^(```|~~~)/;

/** Splits Markdown into blocks at blank lines (never inside a fenced code block). */
export function markdownBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let start = -1;
  let level = 0;
  let fence = '';
  let offset = 0;
  const close = (end: number) => {
    if (start >= 0) blocks.push({ start, end, level });
    start = -1;
  };
  for (const line of markdown.split('\n')) {
    const lineEnd = offset + line.length;
    if (fence) {
      if (line.startsWith(fence)) fence = '';
    } else if (line.trim() === '') {
      close(offset);
    } else {
      const opening = FENCE.exec(line)?.[1];
      const heading = HEADING.exec(line);
      // A heading is a block of its own even without a blank line after it.
      if (heading) close(offset);
      if (start < 0) {
        start = offset;
        level = heading ? heading[1]!.length : 0;
      }
      if (opening) fence = opening;
      if (heading) close(lineEnd);
    }
    offset = lineEnd + 1;
  }
  close(markdown.length);
  return blocks.map((block) => ({ ...block, end: trimEnd(markdown, block.start, block.end) }));
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  return end;
}

/** Every heading's section, in document order (nested sections overlap their parents). */
export function markdownSections(markdown: string, blocks = markdownBlocks(markdown)): Section[] {
  const sections: Section[] = [];
  const open: Section[] = [];
  for (const block of blocks) {
    if (!block.level) continue;
    while (open.length && open.at(-1)!.level >= block.level) open.pop()!.end = block.start;
    const title = HEADING.exec(markdown.slice(block.start, block.end))?.[2]?.trim() ?? '';
    const section = { start: block.start, end: markdown.length, level: block.level, title };
    sections.push(section);
    open.push(section);
  }
  for (const section of sections) section.end = trimEnd(markdown, section.start, section.end);
  return sections;
}

/** Titles of the sections enclosing `offset`, outermost first (the "where are we" of a chunk). */
export function headingTrail(sections: readonly Section[], offset: number): string[] {
  return sections.filter((section) => section.start < offset && offset < section.end).map((section) => section.title);
}
