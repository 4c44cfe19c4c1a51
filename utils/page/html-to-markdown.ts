import { BLOCKS, HEADING, ITEMS, LISTS, SKIP } from './markdown-elements';
import { dataTable } from './markdown-table';
import { backtickFence, collapse, fence, joinBlocks, listItem, tagOf, tidy } from './markdown-text';

/**
 * The one HTML → Markdown converter, for text that is sent to a model, not shown to a person: page
 * text for a summary, and a selection to translate. Headings, lists, tables, quotes and code keep
 * their Markdown form (the model reads structure); link URLs, images and emphasis markers are
 * dropped, because they are most of Markdown's token overhead and neither a summary nor a
 * translation needs them (measured: a full converter costs ~1.2× the article's text, this one
 * ~1.0×). It only reads the DOM, so it can run on a live document.
 */

export interface MarkdownOptions {
  /** Skips elements hidden by attribute (`hidden`, `aria-hidden="true"`): for whole-page text. */
  skipHidden?: boolean;
  /**
   * Text to translate rather than to summarize. A translation comes back in the shape it was
   * sent, so that shape is kept as the reader sees it: `---` rules, each table row as a line of
   * cells, blank lines inside list items, a partly selected list's items as items, blocks inside
   * links as blocks, the page's own spaces between words, and code fenced so that no backtick run
   * in it ends the fence (utils/translate/segments.ts keeps fenced code out of the request).
   */
  forTranslation?: boolean;
}

const ELEMENT = 1;
const TEXT = 3;
const FRAGMENT = 11;

/** Converts a node's content (element, document fragment or document body) to compact Markdown. */
export function htmlToMarkdown(root: Node, options: MarkdownOptions = {}): string {
  const blocks = new Converter(options).blocks(root);
  // A translation's text keeps its spaces and blank lines through the walk, and is tidied once.
  return options.forTranslation ? tidy(blocks.join('')) : joinBlocks(blocks);
}

class Converter {
  /** For a translation: how many lists deep the walk is (nested items are indented by it). */
  private depth = 0;
  private readonly translation: boolean;

  constructor(private readonly options: MarkdownOptions) {
    this.translation = !!options.forTranslation;
  }

  /**
   * The blocks of a container, in order: inline runs become paragraphs. For a translation, the
   * runs as they are and each block between blank lines, to be joined as they stand.
   */
  blocks(node: Node): string[] {
    const out: string[] = [];
    let inline = '';
    const flush = () => {
      // A translation's runs stay as they are (tidied once, at the end). In a summary's, skipped
      // elements (images, buttons) leave their neighbours' spaces side by side.
      const text = this.translation
        ? inline
        : inline
            .replace(/ {2,}/g, ' ')
            .replace(/ *\n */g, '\n')
            .trim();
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
      if (this.isBlock(element)) {
        flush();
        if (this.translation) out.push(this.translationBlock(element));
        else out.push(...this.block(element));
      } else {
        inline += this.inline(element);
      }
    }
    flush();
    return out;
  }

  private skipped(element: Element): boolean {
    const tag = tagOf(element);
    // A summary leaves dialogs out (mostly consent and sign-up boxes); a selection to translate
    // keeps an open one, whose text the reader sees and selected.
    if (SKIP.has(tag) && !(tag === 'DIALOG' && this.translation && element.hasAttribute('open'))) return true;
    if (!this.options.skipHidden) return false;
    return element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true';
  }

  private isBlock(element: Element): boolean {
    const tag = tagOf(element);
    if (!BLOCKS.has(tag)) return false;
    // A translation writes items, rows and cells inline, and a list inside a list as part of its item.
    return !this.translation || (!ITEMS.has(tag) && !(LISTS.has(tag) && this.depth > 0));
  }

  /** The element's content as Markdown, blocks separated by blank lines. */
  private content(element: Element): string {
    const blocks = this.blocks(element);
    return this.translation ? blocks.join('') : joinBlocks(blocks);
  }

  /** One block element of a translation, between blank lines. */
  private translationBlock(element: Element): string {
    const tag = tagOf(element);
    let markdown: string;
    if (HEADING.test(tag)) markdown = `${'#'.repeat(Number(tag[1]))} ${this.content(element).trim()}`;
    else if (tag === 'PRE') markdown = backtickFence(element.textContent ?? '');
    else if (tag === 'HR') markdown = '---';
    else if (tag === 'BLOCKQUOTE')
      markdown = tidy(this.content(element))
        .split('\n')
        .map((line) => `> ${line}`.trimEnd())
        .join('\n');
    else if (LISTS.has(tag)) markdown = this.items(element);
    else markdown = this.content(element);
    return `\n\n${markdown}\n\n`;
  }

  /** One block element of a summary, as zero or more Markdown blocks. */
  private block(element: Element): string[] {
    const tag = tagOf(element);
    if (HEADING.test(tag)) {
      const text = collapse(this.inlineText(element)).trim();
      return text ? [`${'#'.repeat(Number(tag[1]))} ${text}`] : [];
    }
    switch (tag) {
      case 'PRE':
        return [fence(element.textContent ?? '')];
      case 'UL':
      case 'OL':
      case 'MENU':
        return [this.list(element)];
      case 'BLOCKQUOTE': {
        const inner = this.content(element);
        return inner ? [inner.replace(/^/gm, '> ')] : [];
      }
      case 'TABLE':
        return dataTable(element, (cell) => this.blocks(cell));
      case 'HR':
        return [];
      case 'DD': {
        const inner = this.content(element);
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
    if (this.translation) {
      if (tag === 'CODE') return `\`${(element.textContent ?? '').replace(/`/g, '')}\``;
      if (tag === 'LI') return this.item(element);
      if (tag === 'TR') {
        // A row on a line of its own: its cells, without the separator after the last one.
        const cells = this.content(element).trim();
        return `${cells.replace(/\s*\|\s*$/, '')}\n`;
      }
      if (tag === 'TD' || tag === 'TH') return `${this.content(element).trim()} | `;
      if (LISTS.has(tag)) return `\n${this.items(element)}`;
      return this.inlineText(element);
    }
    if (tag === 'CODE' || tag === 'KBD' || tag === 'SAMP' || tag === 'TT') {
      const code = collapse(element.textContent ?? '').trim();
      return code ? `\`${code}\`` : '';
    }
    return this.inlineText(element);
  }

  /**
   * The text of an element's inline content. Block children inside inline ones are flattened for
   * a summary, and stay blocks in a translation (which gives them back as blocks).
   */
  private inlineText(element: Element): string {
    let text = '';
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT) text += collapse(child.nodeValue ?? '');
      else if (child.nodeType === ELEMENT && !this.skipped(child as Element)) {
        const inner = child as Element;
        if (!this.isBlock(inner)) text += this.inline(inner);
        else if (this.translation) text += this.translationBlock(inner);
        else text += ` ${this.content(inner).replace(/\n+/g, ' ')} `;
      }
    }
    return text;
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
      const body = tagOf(item) === 'LI' ? this.content(item) : joinBlocks(this.block(item));
      if (!body) continue;
      const marker = ordered ? `${number++}. ` : '- ';
      const indent = ' '.repeat(marker.length);
      // Tight lists: a list item's own paragraphs need no blank lines between them.
      items.push(marker + body.replace(/\n\n/g, '\n').replace(/\n/g, `\n${indent}`));
    }
    return items.join('\n');
  }

  /** A translation's list: its items as they come, one list deeper. */
  private items(element: Element): string {
    this.depth += 1;
    const markdown = this.content(element);
    this.depth -= 1;
    return markdown;
  }

  /**
   * A translation's list item, on its own line and ending one: "- " (or its number in an ordered
   * list), indented two spaces a level, its further lines under its text and its blank lines kept.
   */
  private item(item: Element): string {
    const list = item.parentElement;
    const ordered = list !== null && tagOf(list) === 'OL';
    const number = ordered ? Array.from(list.children).indexOf(item) + Number(list.getAttribute('start') ?? 1) : 0;
    const marker = ordered ? `${number}. ` : '- ';
    return listItem(marker, '  '.repeat(Math.max(0, this.depth - 1)), tidy(this.content(item)));
  }
}
