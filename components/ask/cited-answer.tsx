import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { splitCitations } from '@/utils/ask/citations';
import { MarkdownView } from '@/components/markdown-view';

export interface CitedAnswerProps {
  text: string;
  /** Numbers of the blocks sent with the question: only these become citation buttons. */
  sent: ReadonlySet<number>;
  onCite(n: number): void;
  onCopyCode?(code: string): void;
}

/** Turns `[n]` in the rendered answer's text (not in code) into citation buttons. */
function linkCitations(root: HTMLElement, sent: ReadonlySet<number>): void {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('code, pre, button') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const found: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/\[\d{1,6}\]/.test((node as Text).data)) found.push(node as Text);
  }
  for (const node of found) {
    const pieces = splitCitations(node.data, sent);
    if (!pieces.some((piece) => piece.type === 'cite')) continue;
    const fragment = root.ownerDocument.createDocumentFragment();
    for (const piece of pieces) {
      if (piece.type === 'text') {
        fragment.append(piece.text);
        continue;
      }
      const button = root.ownerDocument.createElement('button');
      button.type = 'button';
      button.className = 'citation';
      button.dataset.cite = String(piece.n);
      button.setAttribute('aria-label', t('askCitation', { n: piece.n }));
      button.title = t('askCitation', { n: piece.n });
      button.textContent = String(piece.n);
      fragment.append(button);
    }
    node.replaceWith(fragment);
  }
}

/**
 * A finished answer: sanitized Markdown whose citations of sent blocks are buttons ("Citation n")
 * that show the block on the page. Any other `[n]` (a number the model made up) stays text.
 */
export function CitedAnswer({ text, sent, onCite, onCopyCode }: CitedAnswerProps) {
  const box = useRef<HTMLDivElement>(null);
  // After the Markdown view's own layout effect (children's run first) has rendered the text.
  useLayoutEffect(() => linkCitations(box.current!, sent), [text, sent]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: clicks are delegated from the citation buttons inside, which are real buttons.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the buttons inside handle the keyboard themselves.
    <div
      ref={box}
      class="cited-answer"
      onClick={(event) => {
        const button = (event.target as Element).closest?.('button[data-cite]') as HTMLButtonElement | null;
        if (button && event.isTrusted) onCite(Number(button.dataset.cite));
      }}
    >
      <MarkdownView text={text} onCopyCode={onCopyCode} />
    </div>
  );
}
