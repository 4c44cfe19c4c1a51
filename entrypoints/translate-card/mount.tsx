import { render } from 'preact';
import css from '@/components/translate/card.css?inline';
import type { MessageKey } from '@/utils/i18n';
import { bridge, type SelectionSnapshot } from '@/utils/translate/page/card-bridge';
import { deepActiveElement, isSecretField, readSelection, snapshotOf } from '@/utils/translate/page/selection';
import { createShadowHost, isGlanceEvent, pinHost } from '@/utils/page/shadow-host';
import { CardApp } from './card-app';

const WIDTH = 400;
const MARGIN = 8;

interface Opened {
  close(): void;
}

/** What to open the card for when nobody handed over a snapshot (context menu, shortcut). */
function captureNow(): { snapshot?: SelectionSnapshot; refusal?: MessageKey } {
  const fallback = bridge().fallbackText;
  bridge().fallbackText = undefined;
  const active = deepActiveElement();
  if (active && isSecretField(active)) return { refusal: 'translatePasswordRefused' };
  const info = readSelection();
  if (info) return { snapshot: snapshotOf(info) };
  const middle = { left: innerWidth / 2 - WIDTH / 2, right: innerWidth / 2, top: MARGIN, bottom: MARGIN };
  if (fallback?.trim()) return { snapshot: { text: fallback, anchor: middle } };
  return { refusal: 'translateNoSelection' };
}

/** Places the card under the selection's end, or over it when there is more room there. */
function place(host: HTMLElement, anchor: SelectionSnapshot['anchor'], height: number): void {
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

/** Shows the card for a snapshot (or for what is selected now). Returns how to close it. */
function open(snapshot: SelectionSnapshot | undefined): Opened {
  const input = snapshot ? { snapshot } : captureNow();
  const anchor = input.snapshot?.anchor ?? {
    left: innerWidth / 2 - WIDTH / 2,
    right: innerWidth / 2,
    top: MARGIN,
    bottom: MARGIN,
  };
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
    if (previousFocus instanceof HTMLElement && previousFocus.isConnected && !input.snapshot?.field)
      previousFocus.focus({ preventScroll: true });
  };
  // A click elsewhere on the page, or Esc, closes the card (and stops a translation nobody will read).
  const onPointerDown = (event: Event) => {
    if (!isGlanceEvent(event)) close();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
  };
  document.addEventListener('pointerdown', onPointerDown, true);
  document.addEventListener('keydown', onKeyDown, true);

  render(<CardApp snapshot={input.snapshot} refusal={input.refusal} onClose={close} />, container);
  // Keyboard users land in the card; a selection in a field keeps its focus (pages react to blur).
  if (!input.snapshot?.field && !input.snapshot?.editable)
    (container.querySelector('[role=dialog]') as HTMLElement | null)?.focus({ preventScroll: true });
  return { close };
}

/** Installs the card in this frame (once) and opens it for the waiting snapshot. */
export function installCard(): void {
  const shared = bridge();
  if (!shared.open) {
    let current: Opened | undefined;
    shared.open = (snapshot) => {
      const chosen = snapshot ?? shared.pending;
      shared.pending = undefined;
      current?.close();
      current = open(chosen);
    };
  }
  shared.open();
}
