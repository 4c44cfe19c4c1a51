import type { Token, Tokens } from 'marked';
import { blockCut, renderLater, renderTextLater, splitForLater } from './markdown-defer';
import { extendsPlainly, lastLine, plainEndOf, type PlainEnd } from './markdown-plain';
import { lex, renderNodes } from './markdown-render';
import { SPLIT_LIMIT, splitPoint } from './markdown-split';

export { escapeHtml, renderMarkdown } from './markdown-render';

/**
 * The class of the spans that hold a never-ending paragraph's frozen parts. Inline, they look
 * exactly like the one paragraph a whole render gives; while the answer streams the view shows
 * them as blocks (markdown.css, `.md-streaming`), because Chromium lays out and even re-indexes a
 * paragraph's whole text on every append to it: blocks of at most SPLIT_LIMIT characters keep that
 * work bounded, at the price of line breaks at the cuts until the answer ends.
 */
export const PART_CLASS = 'md-part';

/**
 * Renders a growing Markdown text into a container without redoing what is finished: blocks
 * before the last one are rendered once and frozen; only the last block is re-rendered as text
 * arrives, an open code block only gets the new text appended, and plain words extend the last
 * block's text in place (see markdown-plain.ts). Work per update is bounded by the last block, so
 * a whole answer costs time linear in its length; a paragraph that never ends has its start frozen
 * past SPLIT_LIMIT characters (see markdown-split.ts), so it does not make the last block unbounded.
 */
export class IncrementalMarkdown {
  /** The text of the frozen blocks (kept apart: slicing one growing string would copy it all). */
  private frozenSource = '';
  /** The text after the frozen blocks: the last block, the one re-rendered as text arrives. */
  private tail = '';
  private readonly live: HTMLElement;
  /**
   * The open code block being appended to: its raw opening line, the code text shown, and the
   * trailing newlines held back (Markdown drops a block's last newline until more text follows).
   */
  private openCode?: { opening: string; text: string; pending: string; node: Text };
  /**
   * Where plain text can go straight into the live block: its last text node, directly in a
   * paragraph, list item, heading or cell, and the trailing spaces the block does not show yet.
   */
  private plainEnd?: PlainEnd;
  /**
   * The open paragraph once its start is frozen: its element, which each render of the rest of
   * the paragraph reuses, and its last frozen part (a span; what follows it is the rest).
   */
  private split?: { p: HTMLParagraphElement; end: ChildNode };
  /** The length the tail may reach before the next try to freeze the start of its paragraph. */
  private splitAt: number;
  private readonly splitLimit: number;

  /** `splitLimit`: where an open paragraph's start is frozen (tests make it small). */
  constructor(
    private readonly container: HTMLElement,
    { splitLimit = SPLIT_LIMIT }: { splitLimit?: number } = {},
  ) {
    this.splitLimit = splitLimit;
    this.splitAt = splitLimit;
    this.live = container.ownerDocument.createElement('div');
    this.live.className = 'md-live';
    container.replaceChildren(this.live);
  }

  /** The whole text shown so far. */
  get text(): string {
    return this.frozenSource + this.tail;
  }

  /** Replaces everything with `text` (a different answer, a regenerate). */
  reset(text = ''): void {
    this.frozenSource = '';
    this.tail = '';
    this.openCode = undefined;
    this.plainEnd = undefined;
    this.split = undefined;
    this.splitAt = this.splitLimit;
    this.container.replaceChildren(this.live);
    this.live.replaceChildren();
    if (text) this.append(text);
  }

  /**
   * Shows `delta` appended to the text. With `renderNowChars`, a long text given at once shows its
   * end first: the finished blocks before the last that many characters render in later tasks
   * (see markdown-defer.ts).
   */
  append(text: string, { renderNowChars = Number.POSITIVE_INFINITY }: { renderNowChars?: number } = {}): void {
    const delta = renderNowChars < Number.POSITIVE_INFINITY && !this.text ? this.startLater(text, renderNowChars) : text;
    if (!delta) return;
    this.tail += delta;
    // Inside an open code block, text without fence characters can only be more code: show it
    // without lexing the (possibly huge) block again.
    if (this.openCode && !/[`~]/.test(delta)) {
      const combined = this.openCode.pending + delta;
      const shown = combined.replace(/\n+$/, '');
      this.openCode.pending = combined.slice(shown.length);
      this.openCode.node.appendData(shown);
      this.openCode.text += shown;
      return;
    }
    if (
      this.plainEnd &&
      this.tail.length <= this.splitAt &&
      extendsPlainly(delta, lastLine(this.tail), this.plainEnd.node.parentNode!.nodeName) &&
      this.fitsPlainEnd(delta)
    ) {
      this.appendPlain(delta);
      return;
    }
    const tokens = lex(this.tail);
    // Everything before the last content block is finished: freeze it.
    let lastContent = tokens.length - 1;
    while (lastContent > 0 && tokens[lastContent]!.type === 'space') lastContent -= 1;
    if (lastContent > 0) {
      const finished = tokens.slice(0, lastContent);
      this.freeze(finished, renderNowChars);
    }
    this.renderLive(this.splitLong(tokens.slice(Math.max(lastContent, 0)).filter((token) => token.type !== 'space')));
  }

  /**
   * A long text given at once: its start, up to a block boundary that leaves `keep` characters,
   * is lexed and rendered in later tasks (see markdown-defer.ts); returns the rest, shown now.
   */
  private startLater(text: string, keep: number): string {
    const cut = blockCut(text, keep);
    if (!cut) return text;
    renderTextLater(text.slice(0, cut), this.container, this.laterMarker(), lex, renderNodes);
    this.frozenSource = text.slice(0, cut);
    return text.slice(cut);
  }

  /** Where blocks rendered later go: a comment before the live part, removed once they are in. */
  private laterMarker(): Comment {
    const marker = this.container.ownerDocument.createComment('');
    this.container.insertBefore(marker, this.live);
    return marker;
  }

  /**
   * When the open block is a paragraph past the limit, renders its start once into the
   * paragraph's element and keeps only the rest as the tail; returns the tokens to render live.
   */
  private splitLong(tokens: Token[]): Token[] {
    if (this.tail.length <= this.splitAt) return tokens;
    const paragraph = tokens.length === 1 && tokens[0]!.type === 'paragraph' ? (tokens[0] as Tokens.Paragraph) : undefined;
    const cut = paragraph && splitPoint(paragraph, this.tail, this.splitLimit);
    const start = cut ? this.tail.slice(0, cut) : '';
    const rendered = start ? renderNodes(lex(start)).firstElementChild : null;
    if (rendered?.tagName !== 'P' || !rendered.lastChild) {
      // Nothing to cut yet: try again after as much text again, not on every chunk.
      this.splitAt = this.tail.length + this.splitLimit;
      return tokens;
    }
    this.splitAt = this.splitLimit;
    const document = this.container.ownerDocument;
    const p = this.split?.p ?? document.createElement('p');
    this.dropRest(p);
    const part = document.createElement('span');
    part.className = PART_CLASS;
    part.append(...rendered.childNodes);
    p.append(part);
    this.split = { p, end: part };
    this.frozenSource += start;
    this.tail = this.tail.slice(cut);
    return lex(this.tail).filter((token) => token.type !== 'space');
  }

  /** Removes what the last render of the rest of a split paragraph put after its frozen start. */
  private dropRest(p: HTMLParagraphElement): void {
    const end = this.split?.end;
    if (!end) return;
    while (p.lastChild && p.lastChild !== end) p.lastChild.remove();
  }

  /**
   * Shows `fragment`, rendered from the tail, as the live block. A split paragraph's element
   * stays where it is (taking it out of the document and back would cost time in proportion to
   * all it holds, on every chunk): the rest of the paragraph, the fragment's first paragraph, goes
   * into it after its frozen start. If that text became something else (a setext heading or a
   * table took its line), the frozen start stays a paragraph of its own.
   */
  private showLive(fragment: DocumentFragment): void {
    const split = this.split;
    if (!split) {
      this.live.replaceChildren(fragment);
      return;
    }
    this.dropRest(split.p);
    const first = fragment.firstElementChild;
    if (first?.tagName !== 'P') {
      this.container.insertBefore(split.p, this.live);
      this.split = undefined;
      this.live.replaceChildren(fragment);
      return;
    }
    split.p.append(...first.childNodes);
    first.remove();
    if (split.p.parentNode !== this.live) this.live.replaceChildren(split.p);
    while (split.p.nextSibling) split.p.nextSibling.remove();
    while (split.p.previousSibling) split.p.previousSibling.remove();
    this.live.append(fragment);
  }

  /**
   * Most chunks of prose are words and spaces that cannot change the block's structure: they
   * extend its last text node, which is exactly what rendering the block again would produce,
   * at the cost of a string append instead of a lex, a render and a sanitize.
   */
  private appendPlain(delta: string): void {
    const end = this.plainEnd!;
    const combined = end.pending + delta;
    const shown = end.trims ? combined.replace(/[ \t]+$/, '') : combined;
    end.pending = combined.slice(shown.length);
    end.node.appendData(shown);
  }

  /**
   * After an inline element that just closed ("**bold**"), only text starting with a space or a
   * punctuation mark is sure to stay outside it ("__bold__s" is no emphasis at all).
   */
  private fitsPlainEnd(delta: string): boolean {
    const end = this.plainEnd!;
    return !end.afterInline || end.node.data !== '' || /^[\s.,;:!?)]/.test(end.pending + delta);
  }

  private freeze(tokens: Token[], renderNowChars = Number.POSITIVE_INFINITY): void {
    // Only a text given at once defers: a split paragraph is being streamed.
    const { later, now } = this.split ? { later: [], now: tokens } : splitForLater(tokens, renderNowChars);
    if (later.length) renderLater(later, this.container, this.laterMarker(), renderNodes);
    const fragment = renderNodes(now);
    const split = this.split;
    if (split) {
      // The paragraph is finished: its element is frozen with its rest, moved once.
      this.dropRest(split.p);
      const first = fragment.firstElementChild;
      if (first?.tagName === 'P') {
        split.p.append(...first.childNodes);
        first.replaceWith(split.p);
      } else fragment.prepend(split.p);
      this.split = undefined;
    }
    this.container.insertBefore(fragment, this.live);
    const length = tokens.reduce((sum, token) => sum + token.raw.length, 0);
    this.frozenSource += this.tail.slice(0, length);
    this.tail = this.tail.slice(length);
    this.openCode = undefined;
    this.plainEnd = undefined;
    this.live.replaceChildren();
  }

  private renderLive(tokens: Token[]): void {
    this.plainEnd = undefined;
    const only = tokens.length === 1 ? tokens[0] : undefined;
    if (only?.type === 'code' && (only as Tokens.Code).codeBlockStyle !== 'indented') {
      const code = only as Tokens.Code;
      const opening = code.raw.slice(0, code.raw.indexOf('\n') + 1);
      // Only a fence at the margin keeps the code text equal to the raw text after it.
      const after = code.raw.slice(opening.length);
      const pending = after.slice(code.text.length);
      const appendable = /^[`~]/.test(opening) && after.startsWith(code.text) && /^\n*$/.test(pending);
      if (appendable && this.openCode && this.openCode.opening === opening && code.text.startsWith(this.openCode.text)) {
        this.openCode.node.appendData(code.text.slice(this.openCode.text.length));
        this.openCode.text = code.text;
        this.openCode.pending = pending;
        return;
      }
      this.showLive(renderNodes(tokens));
      const codeElement = this.live.querySelector('code');
      const node =
        codeElement?.firstChild instanceof Text
          ? codeElement.firstChild
          : codeElement?.appendChild(this.container.ownerDocument.createTextNode(''));
      this.openCode = node && appendable ? { opening, text: code.text, pending, node } : undefined;
      return;
    }
    this.openCode = undefined;
    this.showLive(tokens.length ? renderNodes(tokens) : this.container.ownerDocument.createDocumentFragment());
    this.plainEnd = plainEndOf(this.live, lastLine(this.tail));
  }
}
