const DEBOUNCE_MS = 300;

/** What the watcher reports. */
export interface WatchHandlers {
  /** Whether a node is one of Glance's own (or inside one). */
  owns(node: Node): boolean;
  /** The page took one of Glance's nodes out of `parent`. */
  ownRemoved(node: Node, parent: Node): void;
  /** The page added or changed content under these nodes (debounced, Glance's own changes left out). */
  changed(roots: Set<Node>): void;
  /** The page changed a class or inline style somewhere (debounced): hidden text may now show. */
  restyled(): void;
}

/** Attributes that show or hide content: `hidden` and `open` as content changes, the rest as style. */
const TOGGLES = ['hidden', 'open', 'aria-hidden'];
const STYLES = ['class', 'style'];

/**
 * Watches the page (and open shadow roots) for new and changed content: single-page apps,
 * infinite scroll, expanded comments. Glance's own insertions never count, so writing a
 * translation cannot set off another pass. The observer is the isolated world's own: a page that
 * replaces `window.MutationObserver` does not reach it.
 */
export class PageWatch {
  private readonly observer: MutationObserver;
  private readonly observed = new Set<Node>();
  private pending = new Set<Node>();
  private restyled = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly handlers: WatchHandlers) {
    this.observer = new MutationObserver((records) => this.onRecords(records));
  }

  observe(root: Node): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributeFilter: [...TOGGLES, ...STYLES],
    });
  }

  disconnect(): void {
    this.observer.disconnect();
    clearTimeout(this.timer);
  }

  private onRecords(records: MutationRecord[]): void {
    const { owns } = this.handlers;
    for (const record of records) {
      if (owns(record.target)) continue;
      if (record.type === 'attributes' && STYLES.includes(record.attributeName ?? '')) {
        this.restyled = true;
        continue;
      }
      if (record.type === 'childList' && [...record.addedNodes, ...record.removedNodes].every(owns)) {
        for (const node of record.removedNodes) this.handlers.ownRemoved(node, record.target);
        continue;
      }
      this.pending.add(record.type === 'characterData' ? (record.target.parentNode ?? record.target) : record.target);
    }
    if ((!this.pending.size && !this.restyled) || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const roots = this.pending;
      this.pending = new Set();
      if (roots.size) this.handlers.changed(roots);
      if (this.restyled) this.handlers.restyled();
      this.restyled = false;
    }, DEBOUNCE_MS);
  }
}
