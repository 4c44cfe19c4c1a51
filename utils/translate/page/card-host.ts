import { render } from 'preact';
import { createShadowHost, isGlanceEvent, pinHost } from '@/utils/page/shadow-host';
import type { SelectionSnapshot } from './card-bridge';
import { deepActiveElement } from './selection';

/**
 * The in-page card's frame, shared by the translation card and the action card: a closed shadow
 * root by the selection that stays by its text as the page scrolls, and closes on a click
 * elsewhere on the page or on Esc, giving focus back where it was.
 */

const WIDTH = 400;
const MARGIN = 8;

type Anchor = SelectionSnapshot['anchor'];

/** Where a card with no selection to stand by goes: the middle of the top of the view. */
export function topMiddle(): Anchor {
  return { left: innerWidth / 2 - WIDTH / 2, right: innerWidth / 2, top: MARGIN, bottom: MARGIN };
}

/** Places the card under the selection's end, or over it when there is more room there. */
function place(host: HTMLElement, anchor: Anchor, height: number): void {
  const width = Math.min(WIDTH, innerWidth - 2 * MARGIN);
  const left = Math.min(Math.max(anchor.left, MARGIN), Math.max(MARGIN, innerWidth - width - MARGIN));
  const below = innerHeight - anchor.bottom >= Math.min(height, 240) || innerHeight - anchor.bottom >= anchor.top;
  const top = below ? anchor.bottom + MARGIN : Math.max(MARGIN, anchor.top - MARGIN - height);
  // Document coordinates: the card stays by its text when the page scrolls.
  pinHost(host, {
    position: 'absolute',
    display: 'block',
    'z-index': '2147483647',
    direction: 'ltr',
    left: `${Math.round(left + scrollX)}px`,
    top: `${Math.round(top + scrollY)}px`,
    width: `${width}px`,
  });
}

/**
 * Mounts an empty card styled by `css` by `anchor` (measured at the current scroll position).
 * Returns the element to render into and how to close it; `inField`: the selection is in a
 * field, which keeps its focus (pages react to blur), so closing gives none back.
 */
export function mountCard(css: string, anchor: Anchor, inField: boolean): { container: HTMLElement; close(): void } {
  const { host, root } = createShadowHost(css);
  const container = document.createElement('div');
  root.append(container);
  const scroll = { x: scrollX, y: scrollY };
  // The anchor was measured at the current scroll position: keep it in document terms.
  const at = () => ({
    ...anchor,
    top: anchor.top + scroll.y - scrollY,
    bottom: anchor.bottom + scroll.y - scrollY,
    left: anchor.left + scroll.x - scrollX,
  });
  place(host, at(), 0);
  document.documentElement.append(host);
  const resize = new ResizeObserver(() => place(host, at(), host.getBoundingClientRect().height));
  resize.observe(host);

  const previousFocus = deepActiveElement();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    resize.disconnect();
    document.removeEventListener('pointerdown', onPointerDown, true);
    document.removeEventListener('keydown', onKeyDown, true);
    render(null, container);
    host.remove();
    if (previousFocus instanceof HTMLElement && previousFocus.isConnected && !inField)
      previousFocus.focus({ preventScroll: true });
  };
  // A click elsewhere on the page, or Esc, closes the card (and stops an answer nobody will read).
  const onPointerDown = (event: Event) => {
    if (!isGlanceEvent(event)) close();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
  };
  document.addEventListener('pointerdown', onPointerDown, true);
  document.addEventListener('keydown', onKeyDown, true);
  return { container, close };
}
