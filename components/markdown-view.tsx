import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { IncrementalMarkdown } from '../utils/markdown';

export interface MarkdownViewProps {
  /** The answer so far. When it grows by appending, only the new part is rendered. */
  text: string;
  class?: string;
  /** Copies a code block's text (the page decides how: clipboard, message...). */
  onCopyCode?(code: string): void;
}

/**
 * Sanitized Markdown that keeps up with a streaming answer: each update costs time in proportion
 * to the last block, not to the whole answer (see IncrementalMarkdown).
 */
export function MarkdownView({ text, class: className, onCopyCode }: MarkdownViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<IncrementalMarkdown | undefined>(undefined);

  useLayoutEffect(() => {
    const element = container.current!;
    renderer.current ??= new IncrementalMarkdown(element);
    const shown = renderer.current.text;
    if (text.length >= shown.length && text.startsWith(shown)) renderer.current.append(text.slice(shown.length));
    else renderer.current.reset(text);
  }, [text]);

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

  return <div ref={container} class={`markdown ${className ?? ''}`} />;
}
