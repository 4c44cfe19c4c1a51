import { render } from 'preact';
import css from '@/components/actions/card.css?inline';
import type { ToolbarAction } from '@/utils/actions/types';
import { bridge, type SelectionSnapshot } from '@/utils/translate/page/card-bridge';
import { deepActiveElement, isSecretField, readSelection, snapshotOf } from '@/utils/translate/page/selection';
import { createShadowHost, isGlanceEvent, pinHost } from '@/utils/page/shadow-host';
import { ActionCardApp } from './card-app';

const WIDTH = 400;
const MARGIN = 8;

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

/** Shows the card of an action for a snapshot. Returns how to close it. */
function open(snapshot: SelectionSnapshot, action: ToolbarAction): () => void {
  const { host, root } = createShadowHost(css);
  const container = document.createElement('div');
  root.append(container);
  const scroll = { x: scrollX, y: scrollY };
  const anchor = snapshot.anchor;
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
    if (previousFocus instanceof HTMLElement && previousFocus.isConnected && !snapshot.field)
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

  render(<ActionCardApp snapshot={snapshot} action={action} onClose={close} />, container);
  // Ask lands in its question box; keyboard users land in the card; a field keeps its focus.
  const question = container.querySelector('textarea');
  if (question) question.focus({ preventScroll: true });
  else if (!snapshot.field && !snapshot.editable)
    (container.querySelector('[role=dialog]') as HTMLElement | null)?.focus({ preventScroll: true });
  return close;
}

/**
 * The selection now, for an action chosen in the context menu: the page's own selection where it
 * can be read, else the menu's text. Never a password field's.
 */
function captureNow(fallbackText: string): SelectionSnapshot | undefined {
  const active = deepActiveElement();
  if (active && isSecretField(active)) return undefined;
  const info = readSelection();
  if (info) return snapshotOf(info);
  const middle = { left: innerWidth / 2 - WIDTH / 2, right: innerWidth / 2, top: MARGIN, bottom: MARGIN };
  return fallbackText.trim() ? { text: fallbackText, anchor: middle } : undefined;
}

/** Installs the action card in this frame (once) and runs the waiting action. */
export function installActionCard(): void {
  const shared = bridge();
  if (!shared.runAction) {
    let current: (() => void) | undefined;
    shared.runAction = (snapshot, action) => {
      current?.();
      current = open(snapshot, action);
    };
    shared.openMenuAction = () => {
      const chosen = shared.menuAction;
      shared.menuAction = undefined;
      const snapshot = chosen && captureNow(chosen.fallbackText);
      if (chosen && snapshot) shared.runAction?.(snapshot, chosen.action);
    };
  }
  if (shared.menuAction) shared.openMenuAction?.();
  const pending = shared.pendingAction;
  shared.pendingAction = undefined;
  if (pending) shared.runAction(pending.snapshot, pending.action);
}
