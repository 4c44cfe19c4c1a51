/**
 * A paragraph's text as it is sent: its words with whitespace collapsed, line breaks kept, and each
 * link written `[text](n)`, n its position among the paragraph's links. The translation's links are
 * rebuilt from those numbers with the original `href`s: the model never supplies a URL.
 */

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT']);

/** What a paragraph sends, and the links its translation may use. */
export interface ParagraphText {
  text: string;
  links: HTMLAnchorElement[];
}

/** Reads a paragraph's text (Glance's own inserted nodes and excluded inline parts left out). */
export function paragraphText(element: Element, isOwn: (node: Node) => boolean): ParagraphText {
  const links: HTMLAnchorElement[] = [];
  const write = (node: Node, inLink: boolean): string => {
    if (node.nodeType === Node.TEXT_NODE) return (node.nodeValue ?? '').replace(/[\s\u00a0]+/g, ' ');
    if (node.nodeType !== Node.ELEMENT_NODE || isOwn(node)) return '';
    const child = node as Element;
    if (SKIPPED.has(child.tagName.toUpperCase()) || excludedElement(child)) return '';
    if (child.tagName === 'BR') return '\n';
    // Inline code is sent as it is, marked so the model keeps it.
    if (child.tagName === 'CODE') return `\`${(child.textContent ?? '').replace(/\s+/g, ' ')}\``;
    const inner = Array.from(child.childNodes, (grandchild) => write(grandchild, inLink || child.tagName === 'A')).join('');
    if (child.tagName === 'A' && !inLink && (child as HTMLAnchorElement).getAttribute('href') && inner.trim()) {
      links.push(child as HTMLAnchorElement);
      return `[${inner.trim()}](${links.length})`;
    }
    return inner;
  };
  const text = Array.from(element.childNodes, (node) => write(node, false))
    .join('')
    .replace(/ *\n */g, '\n')
    .trim();
  return { text, links };
}

/** Whether an element (and so all it holds) is out of translation by the page's own choice. */
export function excludedElement(element: Element): boolean {
  return element.getAttribute('translate') === 'no' || element.classList.contains('notranslate');
}

const LINK = /\[([^\]\n]+)\]\((\d{1,3})\)/g;

/**
 * Writes a translation into `target`: text nodes, and links rebuilt from the original paragraph's
 * anchors by number (href kept; a number the paragraph does not have stays plain text).
 */
export function renderTranslation(target: HTMLElement, translation: string, links: readonly HTMLAnchorElement[]): void {
  const nodes: Node[] = [];
  let last = 0;
  for (const match of translation.matchAll(LINK)) {
    const original = links[Number(match[2]) - 1];
    // Only web links are rebuilt: a script URL stays the page's own, on its original.
    if (!original || !/^(https?|mailto):/i.test(original.href)) continue;
    nodes.push(...textNodes(translation.slice(last, match.index)));
    const anchor = document.createElement('a');
    anchor.href = original.href;
    for (const name of ['target', 'rel', 'title']) {
      const value = original.getAttribute(name);
      if (value !== null) anchor.setAttribute(name, value);
    }
    anchor.textContent = match[1]!;
    nodes.push(anchor);
    last = match.index + match[0].length;
  }
  nodes.push(...textNodes(translation.slice(last)));
  target.replaceChildren(...nodes);
}

/** Text with its line breaks as `<br>`s. */
function textNodes(text: string): Node[] {
  const nodes: Node[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) nodes.push(document.createElement('br'));
    if (line) nodes.push(document.createTextNode(line));
  });
  return nodes;
}
