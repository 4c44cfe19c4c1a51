import { hiddenByStyle } from './paragraph';

/** Paragraphs watched before and after the last one seen near the screen. */
export const WATCH_BEFORE = 100;
export const WATCH_AFTER = 400;
/** Beyond them, one paragraph in this many is still watched: a jump (End, a link to an anchor) is noticed. */
export const BEACON_EVERY = 16;
/**
 * Paragraphs found together in a group this small (comments the reader expanded, the next page of
 * a feed) are watched wherever they are: they are at the end of the list, far from the range when
 * they appear in the middle of a long page, yet likely where the reader is.
 */
export const FEW_ADDED = 64;

interface Watched {
  element: Element;
  state: string;
}

/**
 * Which paragraphs the look-ahead observer watches. In every frame where the page's layout changed
 * (each translation written changes it), the browser measures every watched element again:
 * watching all of a 5,000-paragraph page's paragraphs made each such frame a task of over 50 ms.
 * So only the paragraphs around the last one seen near the screen are watched, and every
 * BEACON_EVERY-th one beyond, and those added in small groups (FEW_ADDED); the range follows the
 * reader. Paragraphs are in the order they were found (page order, new content after).
 */
export class NearWatch<T extends Watched> {
  private readonly list: T[] = [];
  private readonly places = new WeakMap<T, number>();
  /** Places of paragraphs watched wherever the range is. */
  private readonly pinned = new Set<number>();
  /** Paragraphs that came near the screen hidden by the page's CSS: looked at again when styles change. */
  private readonly hiddenOnes = new Set<T>();
  private from = 0;
  private to = WATCH_AFTER;

  constructor(private readonly observer: Pick<IntersectionObserver, 'observe' | 'unobserve'>) {}

  /** Adds the paragraphs found together, in page order. */
  add(items: readonly T[]): void {
    for (const item of items) this.addOne(item, items.length <= FEW_ADDED);
  }

  private addOne(item: T, pinned: boolean): void {
    const place = this.list.push(item) - 1;
    this.places.set(item, place);
    if (pinned) this.pinned.add(place);
    if (this.watches(place)) this.observer.observe(item.element);
  }

  /** A paragraph came near the screen: the range moves to it when it is far enough from where it was. */
  seen(item: T): void {
    const place = this.places.get(item);
    if (place === undefined) return;
    const from = Math.max(0, place - WATCH_BEFORE);
    if (Math.abs(from - this.from) < BEACON_EVERY) return;
    const [oldFrom, oldTo] = [this.from, this.to];
    this.from = from;
    this.to = place + WATCH_AFTER;
    for (let at = oldFrom; at < Math.min(oldTo, this.list.length); at += 1) {
      if (!this.watches(at)) this.observer.unobserve(this.list[at]!.element);
    }
    for (let at = this.from; at < Math.min(this.to, this.list.length); at += 1) {
      const entering = this.list[at]!;
      // Only paragraphs still waiting to come near: the others are read already.
      if ((at < oldFrom || at >= oldTo) && entering.state === 'idle') this.observer.observe(entering.element);
    }
  }

  /**
   * Whether a paragraph near the screen is hidden by a style for now ("Read more" text, a closed
   * tab): it stays watched, and is looked at again when the page's styles change.
   */
  hidden(item: T): boolean {
    if (hiddenByStyle(item.element)) {
      this.hiddenOnes.add(item);
      return true;
    }
    this.hiddenOnes.delete(item);
    return false;
  }

  /** The page changed a class or style: its hidden paragraphs are observed anew, so looked at again. */
  recheckHidden(): void {
    for (const item of this.hiddenOnes) {
      this.observer.unobserve(item.element);
      if (item.element.isConnected) this.observer.observe(item.element);
      else this.hiddenOnes.delete(item);
    }
  }

  clear(): void {
    this.list.length = 0;
    this.pinned.clear();
    this.hiddenOnes.clear();
    this.from = 0;
    this.to = WATCH_AFTER;
  }

  private watches(place: number): boolean {
    return (place >= this.from && place < this.to) || place % BEACON_EVERY === 0 || this.pinned.has(place);
  }
}
