/**
 * Representative page selections for the selection → Markdown tests: each is some HTML put in a
 * `<div id="root">` of the jsdom document, and the range a user would select in it. Shared so the
 * pinned outputs of the summary and the translation paths are taken on exactly the same input.
 */

/** One selection: the markup, and the range to select in it (all of it when `select` is absent). */
export interface SelectionCase {
  name: string;
  html: string;
  select?: (root: HTMLElement) => Range;
}

/** Puts the markup in the document and returns its root. */
export function mount(markup: string): HTMLElement {
  document.body.innerHTML = `<div id="root">${markup}</div>`;
  return document.getElementById('root')!;
}

/** The range of a case, in the mounted markup. */
export function rangeOf(item: SelectionCase, root: HTMLElement): Range {
  if (item.select) return item.select(root);
  const range = document.createRange();
  range.selectNodeContents(root);
  return range;
}

/** A range from `from` (inclusive) to `to` (inclusive), both found by selector. */
function between(from: string, to: string): (root: HTMLElement) => Range {
  return (root) => {
    const range = document.createRange();
    range.setStartBefore(root.querySelector(from)!);
    range.setEndAfter(root.querySelector(to)!);
    return range;
  };
}

/** A range inside the first text node of the element `selector`, by character offsets. */
function inText(selector: string, start: number, end: number): (root: HTMLElement) => Range {
  return (root) => {
    const text = root.querySelector(selector)!.firstChild!;
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, end);
    return range;
  };
}

/** A range from an offset in one element's first text node to an offset in another's. */
function across(from: string, start: number, to: string, end: number): (root: HTMLElement) => Range {
  return (root) => {
    const range = document.createRange();
    range.setStart(root.querySelector(from)!.firstChild!, start);
    range.setEnd(root.querySelector(to)!.firstChild!, end);
    return range;
  };
}

export const SELECTION_CASES: SelectionCase[] = [
  { name: 'paragraphs', html: '<p>First paragraph.</p><p>Second   paragraph\nwith a newline.</p>' },
  { name: 'part of one paragraph', html: '<p id="p">Hello wonderful world</p>', select: inText('#p', 6, 15) },
  {
    name: 'across two paragraphs',
    html: '<p id="a">Start of one.</p><p>Middle.</p><p id="b">End of other.</p>',
    select: across('#a', 9, '#b', 3),
  },
  { name: 'headings', html: '<h1>Title</h1><h2>Sub <em>title</em></h2><h3>Two<br>lines</h3><h6>Small</h6><p>Body.</p>' },
  { name: 'line breaks', html: '<p>One<br>two<br><br>four<br></p><p>Next</p>' },
  {
    name: 'emphasis',
    html: '<p><strong>Bold</strong>, <em>italic</em>, <b>b</b>, <i>i</i>, <u>u</u>, <s>s</s>, <del>del</del>, <mark>mark</mark>, <small>small</small>, x<sup>2</sup>, H<sub>2</sub>O.</p>',
  },
  {
    name: 'links',
    html: '<p>See <a href="https://example.com/a/very/long/path?q=1">the docs</a> and <a href="#top">top</a>.</p><p><a href="/x"><strong>Bold link</strong></a></p>',
  },
  {
    name: 'images',
    html: '<p>An image <img src="x.png" alt="diagram"> between words.</p><figure><img src="y.png" alt="chart"><figcaption>A caption.</figcaption></figure><p><picture><source srcset="z.webp"><img src="z.png" alt="z"></picture>After picture.</p>',
  },
  { name: 'unordered list', html: '<ul><li>One</li><li>Two <em>em</em></li><li>Three</li></ul>' },
  { name: 'ordered list with start', html: '<ol start="3"><li>Three</li><li>Four</li></ol><ol><li>One</li></ol>' },
  {
    name: 'nested lists',
    html: '<ul><li>One<ul><li>One.a<ul><li>One.a.i</li></ul></li><li>One.b</li></ul></li><li>Two</li></ul>',
  },
  {
    name: 'lists nested across kinds',
    html: '<ol><li>First<ul><li>bullet</li></ul></li><li>Second<ol><li>inner</li></ol></li></ol><ul><li>Dot<ol start="5"><li>five</li></ol></li></ul>',
  },
  { name: 'list items with paragraphs', html: '<ul><li><p>Para one</p><p>Para two</p></li><li>Plain</li></ul>' },
  {
    name: 'formatted nested list',
    html: '<ul>\n  <li>One\n    <ul>\n      <li>a</li>\n      <li>b</li>\n    </ul>\n  </li>\n  <li>Two</li>\n</ul>',
  },
  { name: 'paragraph then nested list in an item', html: '<ul><li><p>Intro</p><ul><li>sub</li></ul></li><li>Next</li></ul>' },
  { name: 'code in a list item', html: '<ol><li>Install:<pre><code>npm i\n</code></pre></li><li>Run <code>x</code></li></ol>' },
  {
    name: 'empty list item and heading',
    html: '<ul><li><img src="a.png"></li><li>b</li></ul><h2><img src="x.png"></h2><p>t</p>',
  },
  {
    name: 'part of a list',
    html: '<ul><li id="a">Alpha</li><li>Beta</li><li id="c">Gamma</li><li>Delta</li></ul>',
    select: between('#a', '#c'),
  },
  {
    name: 'part of an ordered list',
    html: '<ol><li>Alpha</li><li id="b">Beta</li><li id="c">Gamma</li></ol>',
    select: between('#b', '#c'),
  },
  { name: 'code block', html: '<p>Run:</p><pre><code>if (a &lt; b) {\n  go();\n\n  stop();\n}\n</code></pre><p>Done.</p>' },
  { name: 'code block with fences inside', html: '<pre>a ``` b\n````\n</pre>' },
  {
    name: 'inline code',
    html: '<p>Call <code>run()</code>, <code> spaced  out </code>, <code>a`b</code>, <kbd>Ctrl</kbd>+<kbd>C</kbd>, <samp>out</samp>.</p>',
  },
  {
    name: 'inside a code block',
    html: '<pre id="pre">const s = ```;\nnext();\n  indented();</pre>',
    select: inText('#pre', 0, 36),
  },
  {
    name: 'data table',
    html: '<table><caption>People</caption><thead><tr><th>Name</th><th>Age</th></tr></thead><tbody><tr><td>Ann | Bo</td><td>31</td></tr><tr><td></td><td>7</td></tr></tbody></table>',
  },
  { name: 'table without header', html: '<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>' },
  { name: 'layout table', html: '<table><tr><td><p>Column one.</p><p>More.</p></td><td><p>Column two.</p></td></tr></table>' },
  {
    name: 'part of a table row',
    html: '<table><tr><td id="a">a</td><td>b</td><td id="c">c</td></tr></table>',
    select: between('#a', '#c'),
  },
  {
    name: 'blockquote',
    html: '<blockquote><p>Quoted</p><p>Twice</p></blockquote><blockquote>Inline <blockquote>Nested</blockquote></blockquote>',
  },
  {
    name: 'rule and definitions',
    html: '<p>Above</p><hr><p>Below</p><dl><dt>Term</dt><dd>Definition</dd><dd><p>Two</p><p>paras</p></dd></dl>',
  },
  { name: 'details and summary', html: '<details open><summary>More</summary><p>Hidden detail.</p></details>' },
  {
    name: 'Chinese',
    html: '<h2>标题</h2><p>这是第一段，包含中文标点。第二句！</p><p>全角\u3000空格与<a href="#">链接</a>和<strong>强调</strong>。</p><ul><li>第一项</li><li>第二项</li></ul>',
  },
  { name: 'Japanese with ruby', html: '<p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を読む。</p>' },
  {
    name: 'Arabic and Hebrew',
    html: '<p dir="rtl">مرحبا بالعالم. هذا نص <b>عربي</b> مع رقم 42.</p><p dir="rtl">שלום <bdi>עולם</bdi>!</p>',
  },
  {
    name: 'form fields',
    html: '<p>Name: <input value="typed"> <button>Send</button></p><textarea>draft</textarea><select><option>One</option></select><label>Label text</label>',
  },
  {
    name: 'hidden nodes',
    html: '<p>Shown</p><p hidden>secret</p><span aria-hidden="true">★</span><div style="display:none">css hidden</div><script>evil()</script><style>p{}</style><noscript>nojs</noscript><template><p>tpl</p></template>',
  },
  { name: 'only an image', html: '<img src="a.png" alt="alt text">' },
  { name: 'inside a button', html: '<button id="b">Press here</button>', select: inText('#b', 0, 5) },
  {
    name: 'blocks inside a link',
    html: '<a href="/post"><div>Card title</div><div>Card text</div></a><span>tail <p>para in span</p> end</span>',
  },
  {
    name: 'formatted markup',
    html: '\n  <div>\n    <p>\n      Indented\n      text <a href="#">\n link </a> here.\n    </p>\n    <ul>\n      <li>\n        item\n      </li>\n    </ul>\n  </div>\n',
  },
  { name: 'non-breaking spaces', html: '<p>a&nbsp;&nbsp;b <span> c</span></p>' },
];
