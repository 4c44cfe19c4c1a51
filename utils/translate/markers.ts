/**
 * A request that translates several parts at once numbers them with marker lines ("[[1]]",
 * "[[2]]"...) and asks the model to keep them. This module writes those requests' text and reads
 * the streamed answer back into parts, as it arrives.
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

// Models writing Chinese sometimes turn the brackets full-width: accept both.
const MARKER = /[[【]{2}\s*(\d{1,3})\s*[\]】]{2}/;
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

  constructor(
    private readonly partCount: number,
    private readonly emit: (part: number, text: string) => void,
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
      const found = this.partCount > 1 ? MARKER.exec(this.buffer) : null;
      if (!found) break;
      const n = Number(found[1]);
      this.write(this.buffer.slice(0, found.index));
      this.buffer = this.buffer.slice(found.index + found[0].length);
      if (n >= 1 && n <= this.partCount && n - 1 !== this.current) {
        this.current = n - 1;
        this.started = false;
        this.pendingSpace = '';
      }
    }
    if (final) {
      this.write(this.buffer.replace(/<\/text>\s*$/, ''));
      this.buffer = '';
      return;
    }
    const hold = this.holdFrom();
    this.write(this.buffer.slice(0, hold));
    this.buffer = this.buffer.slice(hold);
  }

  /** Where the possibly unfinished marker or closing tag at the end of the buffer starts. */
  private holdFrom(): number {
    // Markers and the closing tag are short: only the last few characters can start one.
    for (let i = Math.max(0, this.buffer.length - 12); i < this.buffer.length; i += 1) {
      const tail = this.buffer.slice(i);
      if ((this.partCount > 1 && MARKER_PREFIX.test(tail)) || (tail[0] === '<' && CLOSING_TAG.startsWith(tail))) return i;
    }
    return this.buffer.length;
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
