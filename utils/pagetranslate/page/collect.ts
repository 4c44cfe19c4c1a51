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
  const visit = (element: Element): void => {
    if (rejectedSubtree(element, options)) return;
    if (element.tagName === 'IFRAME') {
      visitFrame(element as HTMLIFrameElement);
      return;
    }
    if (isParagraph(element, options)) {
      found.push(element);
      return;
    }
    const shadow = (element as HTMLElement).shadowRoot;
    if (shadow) for (const child of shadow.children) visit(child);
    for (const child of element.children) visit(child);
  };
  const visitFrame = (frame: HTMLIFrameElement): void => {
    let body: HTMLElement | null | undefined;
    try {
      body = frame.contentDocument?.body;
    } catch {
      return; // Another origin: not ours to read from here.
    }
    if (body) visit(body);
  };
  if (root.nodeType === Node.ELEMENT_NODE) visit(root as Element);
  else for (const child of (root as ParentNode).children ?? []) visit(child);
  return found;
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
