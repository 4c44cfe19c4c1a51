/**
 * When streamed text may skip rendering: most chunks of prose are words and spaces that cannot
 * change what the block before them is, so they can extend its last text node directly, which
 * gives exactly the DOM that rendering the block again would. These rules decide when that holds;
 * IncrementalMarkdown (markdown.ts) renders the block again whenever they do not.
 */

/** Where plain text can go straight into the live block, and the spaces it does not show yet. */
export interface PlainEnd {
  node: Text;
  /** Trailing spaces of the source that the block does not show (yet). */
  pending: string;
  /** Whether the block drops trailing spaces (list items, headings, cells; not paragraphs). */
  trims: boolean;
  /** Right after an inline element that just closed ("**bold**"). */
  afterInline?: boolean;
}

/**
 * Characters that can change what came before them on the same line: emphasis, code, links,
 * raw HTML, entities, escapes, autolinks (@), and line breaks.
 */
const NEVER_PLAIN = /[\n\r`*_~[\]<&\\@]/;
/** The plain word a line must end with for plain text to extend it. */
const PLAIN_WORD = /[^\s`*_~[\]()<>!&\\|#=+\-:@]+$/;

/**
 * Whether `delta`, ending the line `line` (delta included) in a block of type `parent`, only
 * extends that line's last text: then rendering the block again would give the same DOM as
 * appending the text. Otherwise the block is rendered again.
 */
export function extendsPlainly(delta: string, line: string, parent: string): boolean {
  if (NEVER_PLAIN.test(delta)) return false;
  // A parenthesis after "]" is a link destination; "#" can close a heading; "|" starts a cell.
  if (/[()]/.test(delta) && /[[\]]/.test(line)) return false;
  if (delta.includes('#') && parent.startsWith('H')) return false;
  if (delta.includes('|') && parent !== 'P') return false;
  return plainLine(line);
}

/** Blocks whose last text node plain text may extend. */
const PLAIN_PARENTS = new Set(['P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TD', 'TH']);

/** The text after the last line break. */
export function lastLine(text: string): string {
  return text.slice(text.lastIndexOf('\n') + 1);
}

/**
 * Whether more plain text keeps a line what it is: not while it could still become an autolink
 * (www., ://, @), holds an entity or an escape (& \) or HTML, or is only a number that a "." or
 * ")" would turn into a list item.
 */
function plainLine(line: string): boolean {
  return !/www\.|:\/\/|[@&\\<]/i.test(line) && !/^\s*\d*$/.test(line);
}

/**
 * Where plain text can be appended after a render: when the source's last line ends in a plain
 * word that ends the rendered block's last text node, directly inside a plain block. Spaces at
 * the end are held back where the block drops them (list items, headings, cells).
 */
export function plainEndOf(live: HTMLElement, line: string): PlainEnd | undefined {
  if (!plainLine(line)) return undefined;
  const core = line.replace(/[ \t]+$/, '');
  const trailing = line.slice(core.length);
  let node = lastNode(live);
  while (node?.lastChild) {
    const child = lastNode(node);
    if (child && PLAIN_PARENTS.has(node.nodeName) && CLOSING_MARKER.test(core))
      return afterInline(node as Element, child, trailing);
    node = child;
  }
  if (node?.nodeType !== 3 || !PLAIN_PARENTS.has((node.parentNode as Element | null)?.tagName ?? '')) return undefined;
  const word = PLAIN_WORD.exec(core)?.[0];
  return word ? endOf(node as Text, word, trailing) : undefined;
}

/** Inline elements whose closing marker can end a line: text after them goes beside them. */
const INLINE_ELEMENTS = new Set(['STRONG', 'EM', 'CODE', 'DEL']);
const CLOSING_MARKER = /(?:\*+|`+|~~)$/;

/**
 * The plain end after an inline element the line just closed: the spaces the block kept after
 * it, or a new, empty text node (as rendering the block with more text would put there).
 */
function afterInline(block: Element, child: Node, trailing: string): PlainEnd | undefined {
  const spaces = child.nodeType === 3 && /^[ \t]+$/.test((child as Text).data) ? (child as Text) : undefined;
  const inline = spaces ? spaces.previousSibling : child;
  if (inline?.nodeType !== 1 || !INLINE_ELEMENTS.has(inline.nodeName)) return undefined;
  if (spaces) return spaces.data === trailing ? { node: spaces, pending: '', trims: false, afterInline: true } : undefined;
  const node = block.appendChild(block.ownerDocument.createTextNode(''));
  return { node, pending: trailing, trims: trailing !== '' || block.nodeName !== 'P', afterInline: true };
}

/** A node's last child, passing over the line breaks the HTML renderer puts between blocks. */
function lastNode(parent: Node): Node | null {
  let node = parent.lastChild;
  while (node && node.nodeType === 3 && /^\s*\n\s*$/.test(node.nodeValue ?? '') && node.previousSibling)
    node = node.previousSibling;
  return node;
}

function endOf(text: Text, word: string, trailing: string): PlainEnd | undefined {
  if (trailing && text.data.endsWith(word + trailing)) return { node: text, pending: '', trims: false };
  if (!text.data.endsWith(word)) return undefined;
  // Without trailing spaces to tell, paragraphs keep them and the other blocks drop them.
  return { node: text, pending: trailing, trims: trailing ? true : text.parentNode!.nodeName !== 'P' };
}
