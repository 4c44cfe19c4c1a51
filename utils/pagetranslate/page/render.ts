import type { PageMode } from '@/utils/pagetranslate/types';
import { TRANSLATION_ATTRIBUTE } from './collect';
import { renderTranslation } from './paragraph-text';

const RTL = /^(ar|he|fa|ur|yi|ps|sd|ug|dv)\b/;

/**
 * The mode's rules, on a constructed sheet (no inline `<style>`, so any CSP allows it, and nothing
 * in the page's DOM). "Translation only" shrinks the original's own text to nothing and gives the
 * translation back the size it was drawn at: the original stays in the page, hidden, not removed.
 */
const MODE_RULES: Record<PageMode, string> = {
  bilingual: '',
  translation: `:has(> [${TRANSLATION_ATTRIBUTE}]) { font-size: 0 !important; }
[${TRANSLATION_ATTRIBUTE}] { font-size: var(--glance-size) !important; }`,
  original: `[${TRANSLATION_ATTRIBUTE}] { display: none !important; }`,
};

/**
 * Writes translations into the page, right after their originals, and takes them all out again.
 * Each inserted element is a `font` (an inline element no page styles as a block of its own) shown
 * as a block, as its original's last child: it inherits the original's font, and is marked with
 * `data-glance-translation` and the target's `lang` and direction.
 */
export class PageWriter {
  private readonly sheets = new Map<Document | ShadowRoot, CSSStyleSheet>();
  private readonly inserted = new Set<HTMLElement>();
  private mode: PageMode = 'bilingual';

  constructor(private readonly target: string) {}

  /** Writes (or rewrites, while it streams) the translation of `original`; returns its node. */
  write(original: Element, node: HTMLElement | undefined, translation: string, links: readonly HTMLAnchorElement[]): HTMLElement {
    let element = node;
    if (!element) {
      const doc = original.ownerDocument;
      element = doc.createElement('font');
      element.setAttribute(TRANSLATION_ATTRIBUTE, '');
      element.setAttribute('lang', this.target);
      element.setAttribute('dir', RTL.test(this.target) ? 'rtl' : 'ltr');
      element.setAttribute('style', 'display: block; margin-top: 0.25em;');
      // Reading the size forces a style pass: only when "translation only" needs it, not per insertion.
      if (this.mode === 'translation') this.keepSize(element, original);
      this.adopt(original.getRootNode() as Document | ShadowRoot);
      this.inserted.add(element);
    }
    renderTranslation(element, translation, links);
    if (element.parentNode !== original || original.lastChild !== element) original.append(element);
    return element;
  }

  /** Whether a node is one Glance inserted (or is inside one). */
  owns(node: Node): boolean {
    for (let current: Node | null = node; current; current = current.parentNode) {
      if (current.nodeType === Node.ELEMENT_NODE && this.inserted.has(current as HTMLElement)) return true;
    }
    return false;
  }

  setMode(mode: PageMode): void {
    if (mode === 'translation' && this.mode !== 'translation') {
      // All reads, then all writes: one style pass for the whole page.
      const sizes = [...this.inserted].map((node) => [node, node.parentElement] as const);
      const read = sizes.map(([node, parent]) => [node, parent ? getComputedStyle(parent).fontSize : ''] as const);
      for (const [node, size] of read) if (size) node.style.setProperty('--glance-size', size);
    }
    this.mode = mode;
    for (const sheet of this.sheets.values()) sheet.replaceSync(MODE_RULES[mode]);
  }

  getMode(): PageMode {
    return this.mode;
  }

  private keepSize(node: HTMLElement, original: Element): void {
    const size = original.ownerDocument.defaultView?.getComputedStyle(original).fontSize;
    if (size) node.style.setProperty('--glance-size', size);
  }

  /** Removes one translation (its original changed). */
  remove(node: HTMLElement): void {
    node.remove();
    this.inserted.delete(node);
  }

  /** Takes out every inserted node and sheet: the page is as it was before. */
  clear(): void {
    for (const node of this.inserted) node.remove();
    this.inserted.clear();
    for (const [root, sheet] of this.sheets) {
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((candidate) => candidate !== sheet);
      } catch {
        // A frame that went away.
      }
    }
    this.sheets.clear();
  }

  private adopt(root: Document | ShadowRoot): void {
    if (this.sheets.has(root) || !('adoptedStyleSheets' in root)) return;
    try {
      const view = (root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : (root as ShadowRoot).ownerDocument).defaultView as
        | (Window & typeof globalThis)
        | null;
      const sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
      sheet.replaceSync(MODE_RULES[this.mode]);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.sheets.set(root, sheet);
    } catch {
      // No constructed sheets here: the modes other than bilingual do not apply in this root.
    }
  }
}
