/**
 * A compact HTML → Markdown converter for text that is sent to a model, not shown to a person.
 * Headings, lists, tables, quotes and code keep their Markdown form (the model reads structure);
 * link URLs, images and emphasis markers are dropped, because they are most of Markdown's token
 * overhead and a summary needs none of them (measured: a full converter costs ~1.2× the
 * article's text, this one ~1.0×). It only reads the DOM, so it can run on a live document.
 */

/** Elements whose content is never text a reader sees. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO',
  'IMG', 'PICTURE', 'SOURCE', 'TRACK', 'MAP', 'AREA', 'INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'OPTION',
  'LINK', 'META', 'HEAD', 'DIALOG',
]);

/** Elements that start a new block; everything else is inline. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'UL', 'MENU', 'CAPTION', 'TBODY', 'THEAD',
  'TFOOT', 'TR', 'TD', 'TH', 'HTML',
]);

export interface MarkdownOptions {
  /** Skips elements hidden by attribute (`hidden`, `aria-hidden="true"`): for whole-page text. */
  skipHidden?: boolean;
}

const ELEMENT = 1;
const TEXT = 3;
const FRAGMENT = 11;

/** Converts a node's content (element, document fragment or document body) to compact Markdown. */
export function htmlToMarkdown(root: Node, options: MarkdownOptions = {}): string {
  const converter = new Converter(options);
  return joinBlocks(converter.blocks(root));
}

/** Upper-case tag name: XHTML and foreign (SVG) elements report theirs in lower case. */
function tagOf(element: Element): string {
  return element.tagName.toUpperCase();
}

/** Blocks are separated by one blank line; empty ones are dropped. */
function joinBlocks(blocks: string[]): string {
  return blocks.filter((block) => block.trim() !== '').join('\n\n');
}

/** Collapses HTML whitespace (not non-breaking spaces, which HTML keeps, but we normalise). */
function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ');
}

class Converter {
  constructor(private readonly options: MarkdownOptions) {}

  /** The blocks of a container, in order: inline runs become paragraphs. */
  blocks(node: Node): string[] {
    const out: string[] = [];
    let inline = '';
    const flush = () => {
      // Skipped elements (images, buttons) leave their neighbours' spaces side by side.
      const text = inline.replace(/ {2,}/g, ' ').replace(/ *\n */g, '\n').trim();
      if (text) out.push(text);
      inline = '';
    };
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT) {
        inline += collapse(child.nodeValue ?? '');
        continue;
      }
      if (child.nodeType !== ELEMENT && child.nodeType !== FRAGMENT) continue;
      const element = child as Element;
      if (this.skipped(element)) continue;
      if (BLOCKS.has(tagOf(element))) {
        flush();
        out.push(...this.block(element));
      } else {
        inline += this.inline(element);
      }
    }
    flush();
    return out;
  }

  private skipped(element: Element): boolean {
    if (SKIP.has(tagOf(element))) return true;
    if (!this.options.skipHidden) return false;
    return element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true';
  }

  /** One block element, as zero or more Markdown blocks. */
  private block(element: Element): string[] {
    const tag = tagOf(element);
    switch (tag) {
      case 'H1':
      case 'H2':
      case 'H3':
      case 'H4':
      case 'H5':
      case 'H6': {
        const text = collapse(this.inlineText(element)).trim();
        return text ? [`${'#'.repeat(Number(tag[1]))} ${text}`] : [];
      }
      case 'PRE':
        return [this.pre(element)];
      case 'UL':
      case 'OL':
      case 'MENU':
        return [this.list(element)];
      case 'BLOCKQUOTE': {
        const inner = joinBlocks(this.blocks(element));
        return inner ? [inner.replace(/^/gm, '> ')] : [];
      }
      case 'TABLE':
        return this.table(element);
      case 'HR':
        return [];
      case 'DD': {
        const inner = joinBlocks(this.blocks(element));
        return inner ? [inner.replace(/^/gm, ': ')] : [];
      }
      default:
        return this.blocks(element);
    }
  }

  /** Inline content of an element: links as their text, code in backticks, breaks as newlines. */
  private inline(element: Element): string {
    const tag = tagOf(element);
    if (tag === 'BR') return '\n';
    if (tag === 'CODE' || tag === 'KBD' || tag === 'SAMP' || tag === 'TT') {
      const code = collapse(element.textContent ?? '').trim();
      return code ? `\`${code}\`` : '';
    }
    return this.inlineText(element);
  }

  /** The text of an element's inline content (block children inside inline ones are flattened). */
  private inlineText(element: Element): string {
    let text = '';
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT) text += collapse(child.nodeValue ?? '');
      else if (child.nodeType === ELEMENT && !this.skipped(child as Element)) {
        const inner = child as Element;
        text += BLOCKS.has(tagOf(inner)) ? ` ${joinBlocks(this.blocks(inner)).replace(/\n+/g, ' ')} ` : this.inline(inner);
      }
    }
    return text;
  }

  private pre(element: Element): string {
    const code = (element.textContent ?? '').replace(/\n+$/, '');
    const fence = code.includes('```') ? '~~~' : '```';
    return `${fence}\n${code}\n${fence}`;
  }

  /** A list: one line per item ("- " or "1. "), nested content indented under its item. */
  private list(element: Element): string {
    const ordered = tagOf(element) === 'OL';
    let number = Number(element.getAttribute('start')) || 1;
    const items: string[] = [];
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT) {
        const stray = collapse(child.nodeValue ?? '').trim();
        if (stray) items.push(`- ${stray}`);
        continue;
      }
      if (child.nodeType !== ELEMENT || this.skipped(child as Element)) continue;
      const item = child as Element;
      const body = tagOf(item) === 'LI' ? joinBlocks(this.blocks(item)) : joinBlocks(this.block(item));
      if (!body) continue;
      const marker = ordered ? `${number++}. ` : '- ';
      const indent = ' '.repeat(marker.length);
      // Tight lists: a list item's own paragraphs need no blank lines between them.
      items.push(marker + body.replace(/\n\n/g, '\n').replace(/\n/g, `\n${indent}`));
    }
    return items.join('\n');
  }

  /**
   * A data table as pipe rows. A layout table (one column, or cells holding paragraphs or other
   * tables, as old sites and e-mails are built) becomes the blocks of its cells, in order.
   */
  private table(element: Element): string[] {
    const rows = Array.from(element.querySelectorAll('tr')).filter((row) => row.closest('table') === element);
    const cells = rows.map((row) =>
      Array.from(row.children)
        .filter((cell) => tagOf(cell) === 'TD' || tagOf(cell) === 'TH')
        .map((cell) => ({ cell, blocks: this.blocks(cell) })),
    );
    const width = Math.max(0, ...cells.map((row) => row.length));
    const caption = Array.from(element.children).find((child) => tagOf(child) === 'CAPTION');
    const captionText = caption ? collapse(caption.textContent ?? '').trim() : '';
    const layout =
      width <= 1 || cells.some((row) => row.some(({ cell, blocks }) => blocks.length > 1 || cell.querySelector('table')));
    if (layout) return [captionText, ...cells.flatMap((row) => row.flatMap(({ blocks }) => blocks))].filter(Boolean);
    const lines = cells
      .map((row) => row.map(({ blocks }) => collapse(blocks.join(' ')).replace(/\|/g, '\\|').trim()))
      .filter((row) => row.some((cell) => cell))
      // No outer pipes: GFM does not need them, and they are two tokens a row.
      .map((row) => row.join(' | '));
    const firstRow = rows[0];
    const hasHeader = !!firstRow && Array.from(firstRow.children).some((cell) => tagOf(cell) === 'TH');
    if (hasHeader && lines.length > 0) lines.splice(1, 0, Array(width).fill('---').join(' | '));
    return [captionText, lines.join('\n')].filter((text) => text !== '');
  }
}
