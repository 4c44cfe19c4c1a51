// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { collectParagraphs } from '@/utils/pagetranslate/page/collect';
import { paragraphText, renderTranslation } from '@/utils/pagetranslate/page/paragraph-text';
import { paragraphTokens, planBatch } from '@/utils/pagetranslate/page/queue-plan';

const ids = (elements: Element[]) => elements.map((element) => element.id);
const all = { mainContentOnly: false };

describe('collectParagraphs', () => {
  it('finds text blocks and skips code, fields, editable, hidden, translate="no" and notranslate subtrees', () => {
    document.body.innerHTML = `
      <h2 id="h">A heading</h2>
      <p id="p">A paragraph of words.</p>
      <ul><li id="li">An item</li><li><p id="inner">A paragraph in an item</p></li></ul>
      <table><tr><td id="td">Cell words</td><th id="th">Head words</th></tr></table>
      <blockquote id="q">Quoted words</blockquote>
      <div id="leaf">A div that holds enough text of its own to count.</div>
      <div id="short">Too short</div>
      <pre><code>code words here</code></pre>
      <textarea>typed words</textarea>
      <div contenteditable="true"><p id="edit">Editable words</p></div>
      <p hidden id="hidden">Hidden words</p>
      <p translate="no" id="no">No words</p>
      <div class="notranslate"><p id="nt">Nested words</p><div><span>deep words in a span here and there</span></div></div>
      <p id="digits">12345</p>`;
    expect(ids(collectParagraphs(document.body, all))).toEqual(['h', 'p', 'li', 'inner', 'td', 'th', 'q', 'leaf']);
  });

  it('goes into open shadow roots', () => {
    document.body.innerHTML = '<div id="host"></div>';
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p id="shadowed">Words in a shadow tree</p>';
    expect(ids(collectParagraphs(document.body, all))).toEqual(['shadowed']);
  });

  it('"main content only" leaves navigation out', () => {
    document.body.innerHTML = `<nav><p id="nav">Home and other links</p></nav><footer><p id="foot">Copyright words</p></footer>
      <div role="navigation"><p id="role">Menu words</p></div><p id="main">The article's words.</p>`;
    expect(ids(collectParagraphs(document.body, { mainContentOnly: true }))).toEqual(['main']);
    expect(ids(collectParagraphs(document.body, all))).toEqual(['nav', 'foot', 'role', 'main']);
  });
});

describe('paragraph text', () => {
  it('writes links as numbered Markdown links and rebuilds them with the original addresses', () => {
    document.body.innerHTML =
      '<p id="p">See   the <a href="https://example.org/a" target="_blank">first page</a> and <code>npm test</code><br>then <a href="javascript:alert(1)">this</a>.</p>';
    const paragraph = document.getElementById('p')!;
    const { text, links } = paragraphText(paragraph, () => false);
    expect(text).toBe('See the [first page](1) and `npm test`\nthen [this](2).');
    const target = document.createElement('div');
    renderTranslation(target, '见[第一页](1)和[别的](9)\n然后[这个](2)。', links);
    expect(target.innerHTML).toBe('见<a href="https://example.org/a" target="_blank">第一页</a>和[别的](9)<br>然后[这个](2)。');
  });

  it('leaves out what Glance inserted', () => {
    document.body.innerHTML = '<p id="p">Words<font data-glance-translation="">译文</font></p>';
    const paragraph = document.getElementById('p')!;
    expect(paragraphText(paragraph, (node) => (node as Element).hasAttribute?.('data-glance-translation')).text).toBe('Words');
  });
});

describe('batches', () => {
  it('packs paragraphs up to the token size, a large one alone', () => {
    const queue = ['a'.repeat(4000), 'b'.repeat(4000), 'c'.repeat(40_000), 'd'];
    expect(planBatch(queue, (text) => text, 2400).map((text) => text[0])).toEqual(['a', 'b']);
    expect(planBatch(queue, (text) => text, 2400).map((text) => text[0])).toEqual(['c']);
    expect(planBatch(queue, (text) => text, 2400)).toEqual(['d']);
    expect(queue).toEqual([]);
  });

  it('counts CJK characters about one token each, plus two for the paragraph marker', () => {
    expect(paragraphTokens('你好世界')).toBe(6);
    expect(paragraphTokens('abcdefgh')).toBe(4);
  });
});
