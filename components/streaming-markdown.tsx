import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { LiveText } from '../utils/live-text';
import { IncrementalMarkdown } from '../utils/markdown';

export interface StreamingMarkdownProps {
  /** The text to show when nothing is streaming (and the final text once it has). */
  text: string;
  /** While an answer streams: its growing text, rendered piece by piece as it arrives. */
  live?: LiveText | null;
  onCopyCode?(code: string): void;
}

/**
 * Sanitized Markdown for an answer that may still be arriving. Each streamed piece goes straight
 * to the incremental renderer, without a Preact render of anything else: a chunk costs the work
 * of the last Markdown block only. Like MarkdownView otherwise (which it does not replace).
 */
export function StreamingMarkdown({ text, live, onCopyCode }: StreamingMarkdownProps) {
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<IncrementalMarkdown | undefined>(undefined);

  useLayoutEffect(() => {
    renderer.current ??= new IncrementalMarkdown(container.current!);
    const target = live ? live.text : text;
    const shown = renderer.current.text;
    // The final text of a streamed answer starts with what is shown: nothing to redo.
    if (target.length >= shown.length && target.startsWith(shown)) renderer.current.append(target.slice(shown.length));
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

  return <div ref={container} class="markdown" />;
}
