import type { Box } from './button-position';
import { isGlanceHost } from '@/utils/page/shadow-host';
import type { SelectionSnapshot } from './card-bridge';

/**
 * Reading the user's selection in a page: in the document, in (open) shadow trees, in text fields
 * and editable regions. Shared by the always-on selection script and the translation card, so it
 * stays small. Password fields and other masked inputs are never read.
 */

type TextField = HTMLInputElement | HTMLTextAreaElement;

/** The selection, where the button and the card need it. */
export interface SelectionInfo {
  text: string;
  range?: Range;
  field?: TextField;
  start?: number;
  end?: number;
  editable?: HTMLElement;
  /** Line boxes in viewport coordinates, document order. */
  rects: Box[];
  backward: boolean;
  rtl: boolean;
}

/** The focused element, looking into open shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether a field holds a secret: a password, a one-time code, a card number, or masked text. */
export function isSecretField(element: Element): boolean {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return false;
  if (element instanceof HTMLInputElement && element.type === 'password') return true;
  if (/password|one-time-code|cc-number|cc-csc/i.test(element.getAttribute('autocomplete') ?? '')) return true;
  const style = getComputedStyle(element) as CSSStyleDeclaration & { webkitTextSecurity?: string };
  return !!style.webkitTextSecurity && style.webkitTextSecurity !== 'none';
}

function isTextField(element: Element | null): element is TextField {
  // Only inputs that expose their selection (text, search, url, tel...) and textareas.
  if (element instanceof HTMLTextAreaElement) return true;
  if (!(element instanceof HTMLInputElement)) return false;
  try {
    return element.selectionStart !== null;
  } catch {
    return false;
  }
}

/** Whether a node belongs to Glance's own in-page UI (inside one of its shadow roots). */
function isOurs(node: Node | null): boolean {
  const root = node?.getRootNode() as ShadowRoot | Document | undefined;
  return !!root && 'host' in root && isGlanceHost(root.host);
}

const toBox = (r: DOMRect | Box): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
const hasLetters = (text: string) => /\p{L}/u.test(text);

/** Where the mouse was released, and the open shadow roots the release happened in. */
export interface PointerHint {
  x: number;
  y: number;
  roots?: ShadowRoot[];
}

/** Every open shadow root of the document (a fallback when no pointer says where to look). */
function openShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.currentNode as Element | null; node && roots.length < 50; node = walker.nextNode() as Element | null) {
    if (node.shadowRoot) roots.push(node.shadowRoot);
  }
  return roots;
}

/**
 * A selection made inside shadow trees: the document's Selection only shows it retargeted to
 * the host (collapsed), so the real range comes from `getComposedRanges`.
 */
function composedRange(selection: Selection, roots: ShadowRoot[]): Range | undefined {
  const api = selection as Selection & { getComposedRanges?(...args: unknown[]): StaticRange[] };
  if (!api.getComposedRanges || !roots.length) return undefined;
  let ranges: StaticRange[];
  try {
    ranges = api.getComposedRanges({ shadowRoots: roots });
  } catch {
    ranges = api.getComposedRanges(...roots);
  }
  const found = ranges[0];
  if (!found || found.collapsed) return undefined;
  const range = document.createRange();
  range.setStart(found.startContainer, found.startOffset);
  range.setEnd(found.endContainer, found.endOffset);
  return range;
}

/**
 * The current selection, or null when there is none worth translating (collapsed, no letters,
 * inside Glance's own UI) or it is in a field that must not be read. `pointer` is where the mouse
 * was released, the best guess of where a selection inside a text field ends.
 */
export function readSelection(pointer?: PointerHint): SelectionInfo | null {
  const active = deepActiveElement();
  if (active && isSecretField(active)) return null;
  if (isTextField(active)) {
    const start = active.selectionStart ?? 0;
    const end = active.selectionEnd ?? 0;
    const text = active.value.slice(start, end);
    if (end <= start || !hasLetters(text)) return null;
    const box = active.getBoundingClientRect();
    const inside = pointer && pointer.x >= box.left && pointer.x <= box.right && pointer.y >= box.top && pointer.y <= box.bottom;
    const line = inside ? { left: pointer.x - 1, right: pointer.x + 1, top: pointer.y - 10, bottom: pointer.y + 10 } : toBox(box);
    return {
      text,
      field: active,
      start,
      end,
      rects: [line],
      backward: active.selectionDirection === 'backward',
      rtl: directionOf(active),
    };
  }
  const selection = getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  let range: Range | undefined = selection.getRangeAt(0);
  if (selection.isCollapsed)
    range = selection.toString() ? composedRange(selection, pointer?.roots ?? openShadowRoots()) : undefined;
  if (!range || isOurs(range.startContainer)) return null;
  const text = range.toString();
  if (!hasLetters(text)) return null;
  let rects = Array.from(range.getClientRects(), toBox).filter((r) => r.right > r.left && r.bottom > r.top);
  if (!rects.length) rects = [toBox(range.getBoundingClientRect())];
  const backward = (selection as Selection & { direction?: string }).direction === 'backward';
  const focus = backward ? range.startContainer : range.endContainer;
  const element = focus instanceof Element ? focus : focus?.parentElement;
  return { text, range, editable: editingHost(element), rects, backward, rtl: !!element && directionOf(element) };
}

function directionOf(element: Element): boolean {
  return getComputedStyle(element).direction === 'rtl';
}

/** The contenteditable region an element is in (its outermost editable ancestor), if any. */
function editingHost(element: Element | null | undefined): HTMLElement | undefined {
  let host: HTMLElement | undefined;
  for (let node = element; node instanceof HTMLElement && node.isContentEditable; node = node.parentElement) host = node;
  return host;
}

/** Freezes a selection for the card: ranges are copied, so later page changes do not move them. */
export function snapshotOf(info: SelectionInfo): SelectionSnapshot {
  const end = info.backward ? info.rects[0]! : info.rects[info.rects.length - 1]!;
  return {
    text: info.text,
    range: info.range?.cloneRange(),
    field: info.field,
    start: info.start,
    end: info.end,
    editable: info.editable,
    anchor: end,
  };
}
