import { render } from 'preact';
import css from '@/components/actions/card.css?inline';
import type { ToolbarAction } from '@/utils/actions/types';
import { runInputOf } from '@/utils/actions/page/context';
import { sendMessage } from '@/utils/messaging';
import { bridge, type SelectionSnapshot } from '@/utils/translate/page/card-bridge';
import { deepActiveElement, isSecretField, readSelection, snapshotOf } from '@/utils/translate/page/selection';
import { mountCard, topMiddle } from '@/utils/translate/page/card-host';
import { pageIsDark, selectedElement } from '@/utils/page/page-theme';
import { ActionCardApp } from './card-app';

/** Shows the card of an action for a snapshot. Returns how to close it. */
function open(snapshot: SelectionSnapshot, action: ToolbarAction): () => void {
  const card = mountCard(css, snapshot.anchor, !!snapshot.field);
  card.container.classList.toggle('dark', pageIsDark(selectedElement(snapshot)));
  render(<ActionCardApp snapshot={snapshot} action={action} onClose={card.close} />, card.container);
  // Ask lands in its question box; keyboard users land in the card; a field keeps its focus.
  const question = card.container.querySelector('textarea');
  if (question) question.focus({ preventScroll: true });
  else if (!snapshot.field && !snapshot.editable)
    (card.container.querySelector('[role=dialog]') as HTMLElement | null)?.focus({ preventScroll: true });
  return card.close;
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
  return fallbackText.trim() ? { text: fallbackText, anchor: topMiddle() } : undefined;
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
      if (!chosen || !snapshot) return;
      // The side panel's actions: the menu item or shortcut opened the panel; the request goes there.
      if (chosen.action.panel) void sendMessage('openActionInPanel', runInputOf(chosen.action, snapshot)).catch(() => {});
      else shared.runAction?.(snapshot, chosen.action);
    };
  }
  if (shared.menuAction) shared.openMenuAction?.();
  const pending = shared.pendingAction;
  shared.pendingAction = undefined;
  if (pending) shared.runAction(pending.snapshot, pending.action);
}
