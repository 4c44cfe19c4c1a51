/**
 * How the selection button hands a selection to the translation card. Both run in the extension's
 * isolated world of the same frame (the button always, the card once loaded), which page scripts
 * cannot see; they meet on one global object there.
 */
import type { ToolbarAction } from '@/utils/actions/types';

/** A selection as it was when the user asked for its translation. */
export interface SelectionSnapshot {
  /** The selected text as plain text (for a page selection the card prefers `range`, which keeps structure). */
  text: string;
  /** The page selection, when it is not in a field. */
  range?: Range;
  /** The text field the selection is in, with its offsets (for Replace). */
  field?: HTMLInputElement | HTMLTextAreaElement;
  start?: number;
  end?: number;
  /** A contenteditable region the selection is in (for Replace). */
  editable?: HTMLElement;
  /** Viewport rectangle of the selection's end, where the card goes. */
  anchor: { left: number; top: number; right: number; bottom: number };
}

/** What lives on the bridge. */
export interface CardBridge {
  /** Set by the selection script: its button is active in this frame. */
  button?: boolean;
  /** The snapshot waiting for the card to load. */
  pending?: SelectionSnapshot;
  /** Text the context menu reported, for when the card finds no selection itself. */
  fallbackText?: string;
  /** Set by the card once loaded: opens it for a snapshot, or for the current selection. */
  open?(snapshot?: SelectionSnapshot): void;

  // The selection toolbar (utils/actions/page/toolbar.ts adds the actions after Translate).
  /** Set by the selection script: the toolbar element (role=toolbar) in its closed root. */
  bar?: HTMLElement;
  /** Set by the toolbar's actions: the page's controls under the toolbar, which it must not cover. */
  avoid?: { left: number; top: number; right: number; bottom: number }[];
  /** Set by the selection script: places the toolbar again (its width or `avoid` changed). */
  redraw?(): void;
  /** Set by the selection script: the selection for an action; hides the toolbar. */
  take?(): SelectionSnapshot | undefined;
  /** Set by the toolbar's actions once loaded: called each time the toolbar is drawn for a selection; returns true. */
  drawn?(): boolean;
  /** Set by the action card once loaded: runs an action on a snapshot. */
  runAction?(snapshot: SelectionSnapshot, action: ToolbarAction): void;
  /** An action waiting for the action card to load. */
  pendingAction?: { snapshot: SelectionSnapshot; action: ToolbarAction };
  /** An action chosen in the context menu, for the current selection (or the menu's text). */
  menuAction?: { action: ToolbarAction; fallbackText: string };
  /** Set by the action card once loaded: runs `menuAction`. */
  openMenuAction?(): void;
}

/** The global's name; also passed to functions the background injects. */
export const BRIDGE_KEY = '__glanceTranslate';

/** The bridge of this frame's isolated world. */
export function bridge(): CardBridge {
  const scope = globalThis as unknown as Record<string, CardBridge | undefined>;
  scope[BRIDGE_KEY] ??= {};
  return scope[BRIDGE_KEY];
}
