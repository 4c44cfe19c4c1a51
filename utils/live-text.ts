/** A change to a live text: more text at the end, or a different text altogether. */
export type LiveTextChange = { type: 'append'; text: string } | { type: 'reset'; text: string };

/**
 * Text that grows while an answer streams. A view subscribes and renders each piece as it comes,
 * so a chunk costs the view its own small update instead of a render of the whole page; the
 * whole text is only joined when someone asks for it.
 */
export class LiveText {
  private pieces: string[];
  private joined: string | undefined;
  private readonly listeners = new Set<(change: LiveTextChange) => void>();

  constructor(initial = '') {
    this.pieces = initial ? [initial] : [];
    this.joined = initial;
  }

  /** All the text so far. */
  get text(): string {
    if (this.joined === undefined) {
      this.joined = this.pieces.join('');
      this.pieces = [this.joined];
    }
    return this.joined;
  }

  /** Whether any text has arrived (or was there from the start). */
  get empty(): boolean {
    return this.pieces.length === 0;
  }

  append(text: string): void {
    if (!text) return;
    this.pieces.push(text);
    this.joined = undefined;
    this.emit({ type: 'append', text });
  }

  reset(text: string): void {
    this.pieces = text ? [text] : [];
    this.joined = text;
    this.emit({ type: 'reset', text });
  }

  /** Calls `listener` with every change from now on; returns the unsubscribe function. */
  subscribe(listener: (change: LiveTextChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: LiveTextChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
