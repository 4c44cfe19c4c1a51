import { isGlanceHost } from '@/utils/page/shadow-host';
import { excludedElement } from './paragraph-text';

/** Marks every node Glance inserts into a page. */
export const TRANSLATION_ATTRIBUTE = 'data-glance-translation';

/** Blocks that are paragraphs when they hold text (and no other such block). */
const BLOCKS = new Set([
  'P',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TD',
  'TH',
  'BLOCKQUOTE',
  'DD',
  'DT',
  'FIGCAPTION',
  'CAPTION',
  'SUMMARY',
]);
/** Containers that count as a paragraph when they are a leaf with enough text of their own. */
const DIV_LIKE = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'ASIDE', 'HEADER', 'FOOTER', 'SPAN', 'FONT', 'LABEL']);
/** Elements whose whole subtree is never translated. */
const NEVER = new Set([
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'BUTTON',
  'OPTION',
  'SVG',
  'MATH',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'OBJECT',
  'EMBED',
  'HEAD',
]);
/** Block-level children that make a container not a leaf. */
const BLOCK_CHILD = new Set([
  ...BLOCKS,
  ...NEVER,
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'FORM',
  'NAV',
  'FIGURE',
  'HR',
  'IFRAME',
]);
/** Navigation landmarks, skipped when "main content only" is on. */
const NAVIGATION = new Set(['NAV', 'FOOTER', 'ASIDE', 'MENU']);
const NAVIGATION_ROLES = new Set(['navigation', 'menubar', 'menu', 'banner', 'contentinfo', 'toolbar', 'tablist']);
const LETTERS = /\p{L}{2}/u;
const DIV_MIN_CHARS = 20;
/** "Main content only": fragments shorter than this in words are navigation-sized. */
const NAV_MAX_CHARS = 40;

export interface CollectOptions {
  mainContentOnly: boolean;
}

/** Whether an element and its subtree are out of translation. */
export function rejectedSubtree(element: Element, options: CollectOptions): boolean {
  const tag = element.tagName.toUpperCase();
  if (NEVER.has(tag) || element.hasAttribute(TRANSLATION_ATTRIBUTE) || isGlanceHost(element)) return true;
  if (excludedElement(element)) return true;
  if ((element as HTMLElement).isContentEditable || element.getAttribute('contenteditable') === 'true') return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  if (options.mainContentOnly && (NAVIGATION.has(tag) || NAVIGATION_ROLES.has(element.getAttribute('role') ?? ''))) return true;
  return false;
}

/** Whether an element is a paragraph: a text block with no paragraph-sized block inside. */
function isParagraph(element: Element, options: CollectOptions): boolean {
  const tag = element.tagName.toUpperCase();
  const block = BLOCKS.has(tag);
  if (!block && !DIV_LIKE.has(tag)) return false;
  for (const child of element.children) if (BLOCK_CHILD.has(child.tagName.toUpperCase())) return false;
  const text = element.textContent ?? '';
  if (!LETTERS.test(text)) return false;
  const length = text.trim().length;
  if (!block) {
    // A div-like leaf counts for its own text, not for text in an inline child it merely wraps.
    const own = Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && (node.nodeValue ?? '').trim());
    if (!own || length < DIV_MIN_CHARS) return false;
  }
  if (options.mainContentOnly && length < NAV_MAX_CHARS && !/^H[1-6]$/.test(tag) && element.closest('a, li')) return false;
  return true;
}

/**
 * The paragraphs under `root`, in document order: into open shadow roots and same-origin frames,
 * past code, form fields, editable regions, hidden-by-attribute nodes, `translate="no"` and
 * `class="notranslate"` subtrees and Glance's own nodes. Visibility by CSS and the language of the
 * text are checked later, only for paragraphs about to be sent.
 */
export function collectParagraphs(root: Node, options: CollectOptions, found: Element[] = []): Element[] {
  return new ParagraphWalk(root, options).next(Number.POSITIVE_INFINITY, 0, found);
}

/**
 * collectParagraphs a slice at a time: a page of thousands of paragraphs is walked in several
 * short tasks (each `next` until its deadline), so the page is never held up for the whole walk
 * and its top can be translated before its end is reached. Depth first, in document order.
 */
export class ParagraphWalk {
  /** Elements still to visit, the next on top. */
  private readonly stack: Element[] = [];

  constructor(
    root: Node,
    private readonly options: CollectOptions,
  ) {
    if (root.nodeType === Node.ELEMENT_NODE) this.stack.push(root as Element);
    else this.pushChildren((root as ParentNode).children ?? []);
  }

  get done(): boolean {
    return this.stack.length === 0;
  }

  /** Walks on until `deadline` (performance.now()) once `minimum` paragraphs were found, or to the end. */
  next(deadline: number, minimum = 0, found: Element[] = []): Element[] {
    const wanted = found.length + minimum;
    for (let visited = 0; this.stack.length; visited += 1) {
      if (visited % 64 === 63 && found.length >= wanted && performance.now() >= deadline) break;
      const element = this.stack.pop()!;
      if (rejectedSubtree(element, this.options)) continue;
      if (element.tagName === 'IFRAME') {
        const body = frameBody(element as HTMLIFrameElement);
        if (body) this.stack.push(body);
      } else if (isParagraph(element, this.options)) {
        found.push(element);
      } else {
        // An open shadow root's content is visited before the host's own children, as it renders.
        this.pushChildren(element.children);
        const shadow = (element as HTMLElement).shadowRoot;
        if (shadow) this.pushChildren(shadow.children);
      }
    }
    return found;
  }

  private pushChildren(children: ArrayLike<Element>): void {
    for (let i = children.length - 1; i >= 0; i -= 1) this.stack.push(children[i]!);
  }
}

/** A same-origin frame's body; another origin's is not ours to read from here. */
function frameBody(frame: HTMLIFrameElement): HTMLElement | undefined {
  try {
    return frame.contentDocument?.body ?? undefined;
  } catch {
    return undefined;
  }
}

/** Whether a node is inside a subtree excluded from translation (checked for new nodes). */
export function insideExcluded(element: Element, options: CollectOptions): boolean {
  for (let node: Element | null = element; node; node = node.parentElement ?? hostOf(node)) {
    if (rejectedSubtree(node, options)) return true;
  }
  return false;
}

function hostOf(node: Element): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
