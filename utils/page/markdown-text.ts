/**
 * String helpers of the HTML → Markdown converter (html-to-markdown.ts): whitespace, blocks,
 * code fences, and the final tidying of a translation's text.
 */

/** Upper-case tag name: XHTML and foreign (SVG) elements report theirs in lower case. */
export function tagOf(element: Element): string {
  return element.tagName.toUpperCase();
}

/** Collapses HTML whitespace (not non-breaking spaces, which HTML keeps, but we normalise). */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ');
}

/** Blocks are separated by one blank line; empty ones are dropped. */
export function joinBlocks(blocks: string[]): string {
  return blocks.filter((block) => block.trim() !== '').join('\n\n');
}

/** A code block for a summary: ``` fences (~~~ when the code holds ```), trailing newlines dropped. */
export function fence(code: string): string {
  const text = code.replace(/\n+$/, '');
  const marks = text.includes('```') ? '~~~' : '```';
  return `${marks}\n${text}\n${marks}`;
}

/**
 * A code block for a translation: a backtick fence longer than any backtick run in the code, so
 * nothing in it can close the fence early and let code be sent for translation.
 */
export function backtickFence(code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}\n${code.replace(/\n$/, '')}\n${marks}`;
}

/**
 * A translation's list item: its marker after the item's indent, its further lines under its
 * text, and a line end. Nested items' lines already carry their own indent.
 */
export function listItem(marker: string, indent: string, body: string): string {
  const lines = body
    .split('\n')
    .map((line, i) => (i === 0 || !line || /^\s*(?:[-*]|\d+\.) /.test(line) ? line : `${indent}  ${line}`));
  return `${indent}${marker}${lines.join('\n')}\n`;
}

/**
 * Trims spaces at line ends and one space at line starts (the space an inline run starts with;
 * list indents are two), and collapses runs of blank lines, leaving code blocks untouched.
 */
export function tidy(text: string): string {
  const parts = text.split(/(^`{3,}[^\n]*\n[\s\S]*?\n`{3,}$)/m);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .split('\n')
            .map((line) => line.replace(/[ \t]+$/, '').replace(/^ (?=\S)/, ''))
            .join('\n')
            .replace(/\n{3,}/g, '\n\n'),
    )
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
