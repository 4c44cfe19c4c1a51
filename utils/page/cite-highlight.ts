/**
 * Shows a cited block on the page: finds its text, scrolls it into view and marks it with the CSS
 * Custom Highlight API (nothing is added to the page's DOM). Injected with
 * `scripting.executeScript({ func })`, which sends only the function's source: it must not use
 * anything outside its own body (no imports, no module constants).
 *
 * `css` is the highlight's style, which open shadow roots holding the block adopt (the page's
 * style sheets, where the background inserts it, do not reach into them).
 *
 * The text is matched on letters and digits only, so that Markdown markers, spaces and line breaks
 * that differ between the extracted text and the page do not matter. The search covers open
 * shadow roots and frames of the page's origin, in document order.
 */
export function highlightPassage(text: string, nth: number, name: string, before = '', css = ''): { found: boolean } {
  const KEEP = /[\p{L}\p{N}]/u;
  const key = (value: string) => value.replace(/[^\p{L}\p{N}]+/gu, '');
  type Registry = Map<string, unknown>;
  type Index = { nodes: Text[]; starts: number[]; haystack: string; dirty: boolean; observer?: MutationObserver };
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT']);

  const clear = (doc: Document) => {
    const registry = (doc.defaultView as unknown as { CSS?: { highlights?: Registry } } | null)?.CSS?.highlights;
    registry?.delete(name);
  };
  /** Every text node with letters or digits, in document order, and their letters and digits joined. */
  const build = (): Index => {
    const index: Index = { nodes: [], starts: [], haystack: '', dirty: false };
    const parts: string[] = [];
    let length = 0;
    const walk = (root: Node, doc: Document) => {
      const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.nodeType === 1 && SKIP.has((node as Element).tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
      });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === 3) {
          const part = key((node as Text).data);
          if (part) {
            index.nodes.push(node as Text);
            index.starts.push(length);
            parts.push(part);
            length += part.length;
          }
          continue;
        }
        const element = node as Element;
        if (element.shadowRoot) walk(element.shadowRoot, doc);
        if (element.tagName === 'IFRAME' || element.tagName === 'FRAME') {
          try {
            const inner = (element as HTMLIFrameElement).contentDocument;
            if (inner?.body) walk(inner.body, inner);
          } catch {
            // Another origin's frame: not ours to read.
          }
        }
      }
    };
    if (document.body) walk(document.body, document);
    index.haystack = parts.join('');
    // Kept for the next citation until the page changes (a change inside a shadow root or a frame
    // is not seen here: every match is checked against the live text below, and rebuilt if stale).
    index.observer = new MutationObserver(() => {
      index.dirty = true;
      index.observer?.disconnect();
    });
    index.observer.observe(document, { subtree: true, childList: true, characterData: true });
    return index;
  };
  const cache = globalThis as unknown as { glanceCiteIndex?: Index };

  clear(document);
  for (const frame of document.querySelectorAll('iframe, frame')) {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner) clear(inner);
    } catch {
      // Another origin's frame.
    }
  }
  const needle = key(text);
  if (!needle) return { found: false };

  /** The text node holding haystack index `at`, and the offset of that character in it. */
  const locate = (index: Index, at: number): { node: Text; offset: number; length: number } => {
    let low = 0;
    let high = index.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (index.starts[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    const node = index.nodes[low]!;
    let remaining = at - index.starts[low]!;
    for (let offset = 0; offset < node.data.length; ) {
      const character = String.fromCodePoint(node.data.codePointAt(offset)!);
      if (KEEP.test(character)) {
        if (remaining <= 0) return { node, offset, length: character.length };
        remaining -= character.length;
      }
      offset += character.length;
    }
    return { node, offset: node.data.length, length: 0 };
  };
  const find = (index: Index) => {
    // Every occurrence (a few at most in practice). Text that repeats (a heading also in the table
    // of contents, "Reply" under each comment) is told apart by the block before it, then by count.
    const all: number[] = [];
    for (let next = index.haystack.indexOf(needle); next !== -1 && all.length < 200; ) {
      all.push(next);
      next = index.haystack.indexOf(needle, next + 1);
    }
    if (!all.length) return null;
    const anchored = before
      ? all.filter((at) => index.haystack.slice(Math.max(0, at - before.length - 400), at).includes(before))
      : [];
    const at = anchored.length === 1 ? anchored[0]! : all[Math.min(nth, all.length - 1)]!;
    const first = locate(index, at);
    const last = locate(index, at + needle.length - 1);
    return { first, last, nodes: index.nodes };
  };
  /** Whether a match still spells the needle in the live page (a cached index may be stale). */
  const live = (match: NonNullable<ReturnType<typeof find>>) => {
    const from = match.nodes.indexOf(match.first.node);
    const to = match.nodes.indexOf(match.last.node);
    if (from === -1 || to < from || !match.first.node.isConnected || !match.last.node.isConnected) return false;
    let spelled = '';
    for (let i = from; i <= to; i++) {
      const data = match.nodes[i]!.data;
      spelled += key(
        data.slice(i === from ? match.first.offset : 0, i === to ? match.last.offset + match.last.length : data.length),
      );
    }
    return spelled === needle;
  };

  let index = cache.glanceCiteIndex && !cache.glanceCiteIndex.dirty ? cache.glanceCiteIndex : undefined;
  let match = index ? find(index) : null;
  if (!index || !match || !live(match)) {
    cache.glanceCiteIndex?.observer?.disconnect();
    index = build();
    cache.glanceCiteIndex = index;
    match = find(index);
  }
  if (!match || !live(match)) return { found: false };
  const { first, last, nodes } = match;
  // Punctuation that belongs to the block's first and last words ("(see", "end.") is part of it.
  let startOffset = first.offset;
  while (startOffset > 0 && !/\s/.test(first.node.data[startOffset - 1]!)) startOffset--;
  let endOffset = last.offset + last.length;
  while (endOffset < last.node.data.length && !/\s/.test(last.node.data[endOffset]!)) endOffset++;

  const ranges: Range[] = [];
  const firstIndex = nodes.indexOf(first.node);
  const lastIndex = nodes.indexOf(last.node);
  const sameTree = first.node.getRootNode() === last.node.getRootNode() && first.node.ownerDocument === last.node.ownerDocument;
  if (sameTree) {
    const range = first.node.ownerDocument.createRange();
    range.setStart(first.node, startOffset);
    range.setEnd(last.node, endOffset);
    ranges.push(range);
  } else {
    // A block split across shadow roots or frames: one range per text node.
    for (let i = firstIndex; i <= lastIndex; i++) {
      const node = nodes[i]!;
      const range = node.ownerDocument.createRange();
      range.setStart(node, i === firstIndex ? startOffset : 0);
      range.setEnd(node, i === lastIndex ? endOffset : node.data.length);
      ranges.push(range);
    }
  }
  const byDocument = new Map<Document, Range[]>();
  for (const range of ranges) {
    const doc = range.startContainer.ownerDocument!;
    byDocument.set(doc, [...(byDocument.get(doc) ?? []), range]);
  }
  for (const [doc, own] of byDocument) {
    const view = doc.defaultView as unknown as {
      Highlight?: new (...ranges: Range[]) => unknown;
      CSS?: { highlights?: Registry };
    } | null;
    if (view?.Highlight && view.CSS?.highlights) view.CSS.highlights.set(name, new view.Highlight(...own));
  }
  // A page's style sheets stop at shadow roots, the inserted highlight style too: each open root
  // that holds part of the block adopts it once (a constructed sheet, not a node in the page).
  const scope = globalThis as unknown as { glanceCiteStyled?: WeakSet<ShadowRoot> };
  scope.glanceCiteStyled ??= new WeakSet();
  for (const range of css ? ranges : []) {
    const root = range.startContainer.getRootNode() as ShadowRoot;
    if (!('host' in root) || scope.glanceCiteStyled.has(root)) continue;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      scope.glanceCiteStyled.add(root);
    } catch {
      // No constructed sheets here: the highlight is registered, only not painted in this root.
    }
  }
  // Frames first, outermost to innermost, then the block itself: in view, centred when possible.
  const target = first.node.parentElement;
  const frames: Element[] = [];
  for (let view: Window | null = first.node.ownerDocument.defaultView; view && view !== window; view = view.parent) {
    if (view.frameElement) frames.unshift(view.frameElement);
    else break;
  }
  for (const frame of frames) frame.scrollIntoView({ block: 'center', behavior: 'instant' });
  target?.scrollIntoView({ block: 'center', behavior: 'instant' });
  return { found: true };
}
