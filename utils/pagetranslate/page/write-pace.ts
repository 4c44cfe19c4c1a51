/** While translations stream in, the page is written at most this often. */
export const WRITE_EVERY_MS = 250;

/**
 * Paces the writing of streamed translations into the page. Each write changes the page's layout,
 * and on a long page every layout pass costs the page's whole length (35 ms a frame on a
 * 5,000-paragraph page): written at every delta, a stream keeps the page busy in every frame while
 * the reader scrolls. The first delta after a pause is written at once (the reader is waiting for
 * it), later ones together, WRITE_EVERY_MS apart; `flush` writes what is due now (a request ended).
 */
export class WritePace<T> {
  private readonly due = new Set<T>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly write: (item: T) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  add(item: T): void {
    this.due.add(item);
    if (this.timer !== undefined) return;
    const wait = this.last + WRITE_EVERY_MS - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.due.size) return;
    this.last = this.now();
    const items = [...this.due];
    this.due.clear();
    for (const item of items) this.write(item);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.due.clear();
  }
}
