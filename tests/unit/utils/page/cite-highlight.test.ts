// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { highlightPassage } from '@/utils/page/cite-highlight';

/** jsdom has no CSS Custom Highlight API: a registry and Highlight with the same shape. */
class FakeHighlight extends Set<Range> {
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}
let registry: Map<string, FakeHighlight>;

beforeEach(() => {
  registry = new Map();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: registry });
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(() => {
  vi.unstubAllGlobals();
  (globalThis as { glanceCiteIndex?: unknown }).glanceCiteIndex = undefined;
  (globalThis as { glanceCiteStyled?: unknown }).glanceCiteStyled = undefined;
  document.body.innerHTML = '';
});

const shown = () => [...(registry.get('glance-citation') ?? [])].map((range) => range.toString()).join('|');

describe('highlightPassage', () => {
  it('highlights exactly the block (punctuation of its first and last words included) and scrolls to it', () => {
    document.body.innerHTML =
      '<p>Before.</p><p id="t">Otters keep a <b>favourite stone</b>\n  for weeks (really).</p><p>After the block.</p>';
    expect(highlightPassage('Otters keep a favourite stone for weeks (really).', 0, 'glance-citation')).toEqual({ found: true });
    expect(shown()).toBe(document.getElementById('t')!.textContent);
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
  });

  it('matches across Markdown markers and spacing, and picks the nth occurrence of repeated text', () => {
    document.body.innerHTML = '<ul><li id="a">Reply</li><li id="b">Reply</li></ul><table><tr><td>a</td> <td>b</td></tr></table>';
    expect(highlightPassage('Reply', 1, 'glance-citation').found).toBe(true);
    const [range] = [...registry.get('glance-citation')!];
    expect(range!.startContainer.parentElement!.id).toBe('b');
    expect(highlightPassage('a b', 0, 'glance-citation').found).toBe(true);
    expect(shown()).toBe('a b');
  });

  it("gives an open shadow root holding the block the highlight's style, once", () => {
    class FakeSheet {
      text = '';
      replaceSync(css: string) {
        this.text = css;
      }
    }
    vi.stubGlobal('CSSStyleSheet', FakeSheet);
    const host = document.body.appendChild(document.createElement('div'));
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Styled inside the shadow root.</p>';
    // jsdom has no adopted sheets; a browser starts every root with an empty list.
    Object.assign(root, { adoptedStyleSheets: [] });
    const css = '::highlight(glance-citation) { background-color: #ffd54f; }';
    expect(highlightPassage('Styled inside the shadow root.', 0, 'glance-citation', '', css).found).toBe(true);
    expect(highlightPassage('Styled inside the shadow root.', 0, 'glance-citation', '', css).found).toBe(true);
    const adopted = root.adoptedStyleSheets as unknown as FakeSheet[];
    expect(adopted.map((sheet) => sheet.text)).toEqual([css]);
    // The page's own document gets nothing this way (the background inserts its sheet there).
    expect(document.adoptedStyleSheets ?? []).toEqual([]);
  });

  it('finds text in open shadow roots', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Inside the shadow root.</p>';
    expect(highlightPassage('Inside the shadow root.', 0, 'glance-citation').found).toBe(true);
    expect(shown()).toBe('Inside the shadow root.');
  });

  it('says when the text is gone, clearing the previous highlight instead of marking something else', () => {
    document.body.innerHTML = '<p>Old text here.</p>';
    highlightPassage('Old text here.', 0, 'glance-citation');
    document.body.innerHTML = '<p>New text there.</p>';
    expect(highlightPassage('Old text here.', 0, 'glance-citation')).toEqual({ found: false });
    expect(registry.has('glance-citation')).toBe(false);
  });

  it('reuses its index of the page until the page changes, and never trusts a stale one', async () => {
    document.body.innerHTML = '<div id="host"></div><p>First block.</p>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Shadow words.</p>';
    expect(highlightPassage('First block.', 0, 'glance-citation').found).toBe(true);
    const index = (globalThis as { glanceCiteIndex?: unknown }).glanceCiteIndex;
    expect(highlightPassage('Shadow words.', 0, 'glance-citation').found).toBe(true);
    expect((globalThis as { glanceCiteIndex?: unknown }).glanceCiteIndex).toBe(index);
    // A change inside a shadow root is not observed: the match is checked against the live text.
    root.querySelector('p')!.firstChild!.textContent = 'Other words.';
    expect(highlightPassage('Shadow words.', 0, 'glance-citation').found).toBe(false);
    expect(highlightPassage('Other words.', 0, 'glance-citation').found).toBe(true);
    expect(shown()).toBe('Other words.');
  });

  it('tells a heading from its table-of-contents entry by the block before it', () => {
    document.body.innerHTML =
      '<nav><ul><li>Contents</li><li>History</li><li>Habitat</li></ul></nav><p>Otters live by the sea.</p><h2 id="h">History</h2><p>Long ago.</p>';
    expect(highlightPassage('History', 0, 'glance-citation', 'Otterslivebythesea').found).toBe(true);
    const [range] = [...registry.get('glance-citation')!];
    expect(range!.startContainer.parentElement!.id).toBe('h');
  });

  it("finds text in a frame of the page's origin and highlights it in that frame's registry", () => {
    document.body.innerHTML = '<p>Outside.</p><iframe></iframe>';
    const frame = document.querySelector('iframe')!;
    const inner = frame.contentDocument!;
    inner.body.innerHTML = '<p>Inside the frame.</p>';
    const frameRegistry = new Map<string, FakeHighlight>();
    Object.assign(frame.contentWindow!, { CSS: { highlights: frameRegistry }, Highlight: FakeHighlight });
    (frame.contentWindow as unknown as typeof window).Element.prototype.scrollIntoView = vi.fn();
    expect(highlightPassage('Inside the frame.', 0, 'glance-citation').found).toBe(true);
    expect([...frameRegistry.get('glance-citation')!].map((range) => range.toString())).toEqual(['Inside the frame.']);
    expect(registry.has('glance-citation')).toBe(false);
  });
});
