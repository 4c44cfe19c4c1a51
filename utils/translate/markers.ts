/**
 * A request that translates several parts at once numbers them with marker lines ("[[1]]",
 * "[[2]]"...) and asks the model to keep them. This module writes those requests' text and reads
 * the streamed answer back into parts, as it arrives. Page translation, which sends many short
 * paragraphs, uses a cheaper form: each paragraph on its own line after its number and a tab
 * ("1\tText"), about two tokens instead of three or four.
 */

/** The marker line that introduces part `n` (1-based). */
export function marker(n: number): string {
  return `[[${n}]]`;
}

/** The text of a request: the parts, each after its marker when there are several. */
export function markParts(parts: readonly string[]): string {
  if (parts.length === 1) return parts[0]!;
  return parts.map((text, index) => `${marker(index + 1)}\n${text}`).join('\n\n');
}

/** The start of part `n` (1-based) in the numbered form: its number and a tab, at a line's start. */
export function lineMarker(n: number): string {
  return `${n}\t`;
}

// Models writing Chinese sometimes turn the brackets full-width: accept both.
const MARKER = /[[【]{2}\s*(\d{1,3})\s*[\]】]{2}/;
// The numbered form: a number and a tab right after a line break (the buffer's own start is
// checked with a line break put before it when it begins a line).
const LINE_MARKER = /\n(\d{1,3})\t/;
const LINE_MARKER_PREFIX = /^\n\d{0,3}$/;
const MARKER_PREFIX = /^[[【]([[【]\s*\d{0,3}\s*[\]】]?)?$/;
const CLOSING_TAG = '</text>';

/**
 * Splits a streamed answer into its parts. Text before any marker belongs to the first part; a
 * marker switches to its part. Leading and trailing whitespace of each part is dropped, and so is
 * the `<text>` wrapper of the request if the model echoes it. Text that might be the start of a
 * marker is held back until the next delta shows what it is.
 */
export class PartStream {
  private buffer = '';
  private current = 0;
  private started = false;
  private pendingSpace = '';
  private atStart = true;
  /** Whether the buffer begins a line of the answer (a numbered marker may start there). */
  private lineStart = true;

  /** `numbered`: the answer may also mark parts in the numbered form ("2\t" at a line's start). */
  constructor(
    private readonly partCount: number,
    private readonly emit: (part: number, text: string) => void,
    private readonly numbered = false,
  ) {}

  /** Feeds the next delta of the answer. */
  push(delta: string): void {
    this.buffer += delta;
    this.drain(false);
  }

  /** The answer is complete: releases what was held back. */
  end(): void {
    this.drain(true);
    this.pendingSpace = '';
  }

  private drain(final: boolean): void {
    if (this.atStart) {
      // Wait until the opening shows whether the model echoed the request's `<text>` wrapper.
      const opening = this.buffer.trimStart();
      if (!final && opening.length < 6 && '<text>'.startsWith(opening)) return;
      this.buffer = this.buffer.replace(/^\s*<text>/, '');
      this.atStart = false;
    }
    for (;;) {
      const found = this.partCount > 1 ? this.nextMarker() : undefined;
      if (!found) break;
      this.write(this.consume(found.index));
      this.consume(found.length);
      if (found.n >= 1 && found.n <= this.partCount && found.n - 1 !== this.current) {
        this.current = found.n - 1;
        this.started = false;
        this.pendingSpace = '';
      }
    }
    if (final) {
      this.write(this.buffer.replace(/<\/text>\s*$/, ''));
      this.buffer = '';
      return;
    }
    this.write(this.consume(this.holdFrom()));
  }

  /** Takes `count` characters off the front of the buffer. */
  private consume(count: number): string {
    const taken = this.buffer.slice(0, count);
    this.buffer = this.buffer.slice(count);
    if (taken) this.lineStart = taken.endsWith('\n');
    return taken;
  }

  /** The first marker in the buffer, of either form: where it starts, its length and its number. */
  private nextMarker(): { index: number; length: number; n: number } | undefined {
    const bracket = MARKER.exec(this.buffer);
    let found = bracket ? { index: bracket.index, length: bracket[0].length, n: Number(bracket[1]) } : undefined;
    if (this.numbered) {
      const lead = this.lineStart ? '\n' : '';
      const line = LINE_MARKER.exec(lead + this.buffer);
      if (line) {
        // A match on the line break put in front starts at the buffer's start, one character shorter.
        const index = Math.max(0, line.index - lead.length);
        const length = line[0].length - (line.index < lead.length ? lead.length : 0);
        if (!found || index < found.index) found = { index, length, n: Number(line[1]) };
      }
    }
    return found;
  }

  /** Where the possibly unfinished marker or closing tag at the end of the buffer starts. */
  private holdFrom(): number {
    // Markers and the closing tag are short: only the last few characters can start one.
    for (let i = Math.max(0, this.buffer.length - 12); i < this.buffer.length; i += 1) {
      const tail = this.buffer.slice(i);
      if ((this.partCount > 1 && this.mayBeMarker(tail, i)) || (tail[0] === '<' && CLOSING_TAG.startsWith(tail))) return i;
    }
    return this.buffer.length;
  }

  /** Whether `tail`, at `index` in the buffer, may be the unfinished start of a marker. */
  private mayBeMarker(tail: string, index: number): boolean {
    if (MARKER_PREFIX.test(tail)) return true;
    if (!this.numbered) return false;
    return LINE_MARKER_PREFIX.test(tail) || (index === 0 && this.lineStart && /^\d{1,3}$/.test(tail));
  }

  private write(text: string): void {
    if (!text) return;
    let value = this.pendingSpace + text;
    this.pendingSpace = '';
    if (!this.started) {
      value = value.trimStart();
      if (!value) return;
      this.started = true;
    }
    // Whitespace at the end may be the gap before the next marker: keep it until text follows.
    const trailing = /\s+$/.exec(value);
    if (trailing) {
      this.pendingSpace = trailing[0];
      value = value.slice(0, trailing.index);
    }
    if (value) this.emit(this.current, value);
  }
}
