import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { LiveText } from '@/utils/live-text';
import { IncrementalMarkdown } from '@/utils/markdown';

export interface MarkdownViewProps {
  /** The text to show. When it grows by appending, only the new part is rendered. */
  text: string;
  /**
   * While an answer streams, its growing text: each piece goes straight to the renderer without a
   * Preact render of anything else (the chat, where an answer can be 10,000 lines).
   */
  live?: LiveText | null;
  /** Copies a code block's text (the page decides how: clipboard, message...). */
  onCopyCode?(code: string): void;
  /**
   * A long text shown at once renders its end first: only its last this many characters before
   * the first paint, the rest in later tasks (see utils/markdown-defer.ts). Read when the view
   * first shows a text; default: all at once.
   */
  renderNowChars?: number;
}

/**
 * Sanitized Markdown that keeps up with a streaming answer: each update costs time in proportion
 * to the last block, not to the whole answer (see IncrementalMarkdown).
 */
export function MarkdownView({ text, live, onCopyCode, renderNowChars }: MarkdownViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<IncrementalMarkdown | undefined>(undefined);

  useLayoutEffect(() => {
    renderer.current ??= new IncrementalMarkdown(container.current!);
    const target = live ? live.text : text;
    const shown = renderer.current.text;
    // The final text of a streamed answer starts with what is shown: nothing to redo.
    const whole = shown === '' && !live;
    if (target.length >= shown.length && target.startsWith(shown))
      renderer.current.append(target.slice(shown.length), whole ? { renderNowChars } : {});
    else renderer.current.reset(target);
  }, [text, live]);

  useLayoutEffect(() => {
    if (!live) return undefined;
    return live.subscribe((change) => {
      if (change.type === 'append') renderer.current!.append(change.text);
      else renderer.current!.reset(change.text);
    });
  }, [live]);

  useEffect(() => {
    const element = container.current!;
    const onClick = (event: MouseEvent) => {
      const button = (event.target as Element).closest?.('button.copy-code');
      const code = button?.parentElement?.querySelector('code')?.textContent;
      if (code != null) onCopyCode?.(code);
    };
    element.addEventListener('click', onClick);
    return () => element.removeEventListener('click', onClick);
  }, [onCopyCode]);

  // While streaming, a never-ending paragraph's frozen parts show as blocks (see PART_CLASS).
  return <div ref={container} class={live ? 'markdown md-streaming' : 'markdown'} />;
}
