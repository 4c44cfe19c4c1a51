/**
 * A page selection as light Markdown: paragraphs, line breaks, headings, lists, quotes, table rows
 * and code blocks keep their shape (so the translation can keep it, and code blocks are never
 * sent for translation); links keep their text but not their URLs, which would only cost tokens.
 */

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'img', 'video', 'audio', 'input', 'select', 'textarea', 'button', 'object']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'thead', 'tfoot', 'tr', 'ul', 'caption',
]);

interface Context {
  listDepth: number;
}

/** Converts a selected range to Markdown; falls back to its plain text. */
export function rangeToMarkdown(range: Range): string {
  const container = range.commonAncestorContainer;
  const element = container instanceof Element ? container : container.parentElement;
  // A selection inside one code block is all code.
  const pre = element?.closest('pre');
  if (pre) return fence(range.toString());
  const markdown = tidy(convert(range.cloneContents(), { listDepth: 0 }));
  return markdown || range.toString().trim();
}

/** Converts a node (or fragment) to Markdown. Exported for tests. */
export function nodeToMarkdown(node: Node): string {
  return tidy(convert(node, { listDepth: 0 }));
}

function fence(code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}\n${code.replace(/\n$/, '')}\n${marks}`;
}

function convert(node: Node, context: Context): string {
  if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').replace(/\s+/g, ' ');
  if (!(node instanceof Element) && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
  const tag = node instanceof Element ? node.localName : '';
  if (node instanceof Element && (SKIP.has(tag) || node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true')) return '';
  if (tag === 'br') return '\n';
  if (tag === 'hr') return '\n\n---\n\n';
  if (tag === 'pre') return `\n\n${fence(node.textContent ?? '')}\n\n`;
  if (tag === 'code') return `\`${(node.textContent ?? '').replace(/`/g, '')}\``;
  if (tag === 'li') return listItem(node as Element, context);

  const list = tag === 'ul' || tag === 'ol';
  const inner = children(node, list ? { listDepth: context.listDepth + 1 } : context);
  // A list inside a list item continues the item: no blank line around it.
  if (list && context.listDepth > 0) return `\n${inner}`;
  if (/^h[1-6]$/.test(tag)) return `\n\n${'#'.repeat(Number(tag[1]))} ${inner.trim()}\n\n`;
  if (tag === 'blockquote') return `\n\n${tidy(inner).split('\n').map((line) => `> ${line}`.trimEnd()).join('\n')}\n\n`;
  if (tag === 'tr') return `${inner.trim().replace(/\s*\|\s*$/, '')}\n`;
  if (tag === 'td' || tag === 'th') return `${inner.trim()} | `;
  if (BLOCK.has(tag)) return `\n\n${inner}\n\n`;
  return inner;
}

function children(node: Node, context: Context): string {
  let out = '';
  for (const child of Array.from(node.childNodes)) out += convert(child, context);
  return out;
}

function listItem(item: Element, context: Context): string {
  const list = item.parentElement;
  const ordered = list?.localName === 'ol';
  const index = ordered ? Array.from(list!.children).indexOf(item) + Number(list!.getAttribute('start') ?? 1) : 0;
  const marker = ordered ? `${index}. ` : '- ';
  const indent = '  '.repeat(Math.max(0, context.listDepth - 1));
  const body = tidy(children(item, context))
    .split('\n')
    // Continuation lines line up under the item's text; nested list items carry their own indent.
    .map((line, i) => (i === 0 || !line || /^\s*(?:[-*]|\d+\.) /.test(line) ? line : `${indent}  ${line}`))
    .join('\n');
  return `${indent}${marker}${body}\n`;
}

/** Trims lines and collapses runs of blank lines, leaving code blocks untouched. */
function tidy(text: string): string {
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
