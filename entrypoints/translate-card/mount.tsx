import { render } from 'preact';
import css from '@/components/translate/card.css?inline';
import type { MessageKey } from '@/utils/i18n';
import { bridge, type SelectionSnapshot } from '@/utils/translate/page/card-bridge';
import { deepActiveElement, isSecretField, readSelection, snapshotOf } from '@/utils/translate/page/selection';
import { mountCard, topMiddle } from '@/utils/translate/page/card-host';
import { pageIsDark, selectedElement } from '@/utils/page/page-theme';
import { CardApp } from './card-app';

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
  if (fallback?.trim()) return { snapshot: { text: fallback, anchor: topMiddle() } };
  return { refusal: 'translateNoSelection' };
}

/** Shows the card for a snapshot (or for what is selected now). Returns how to close it. */
function open(snapshot: SelectionSnapshot | undefined): Opened {
  const input = snapshot ? { snapshot } : captureNow();
  const card = mountCard(css, input.snapshot?.anchor ?? topMiddle(), !!input.snapshot?.field);
  card.container.classList.toggle('dark', pageIsDark(selectedElement(input.snapshot)));
  render(<CardApp snapshot={input.snapshot} refusal={input.refusal} onClose={card.close} />, card.container);
  // Keyboard users land in the card; a selection in a field keeps its focus (pages react to blur).
  if (!input.snapshot?.field && !input.snapshot?.editable)
    (card.container.querySelector('[role=dialog]') as HTMLElement | null)?.focus({ preventScroll: true });
  return { close: card.close };
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
