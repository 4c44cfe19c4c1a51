// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { IncrementalMarkdown, renderMarkdown } from '@/utils/markdown';
import { getTokenizer } from '@/utils/llm/tokens';
import { answerOf } from '@/tests/bench/chat-answer-text';

/** The rendered structure, without the live wrapper, for comparing streamed and whole renders. */
function shape(element: HTMLElement): string {
  const clone = element.cloneNode(true) as HTMLElement;
  for (const live of clone.querySelectorAll('.md-live')) live.replaceWith(...live.childNodes);
  clone.normalize();
  return clone.innerHTML.replace(/\s+/g, ' ').replace(/> </g, '><').trim();
}

function streamed(chunks: string[]): HTMLElement {
  const container = document.createElement('div');
  const renderer = new IncrementalMarkdown(container);
  for (const chunk of chunks) renderer.append(chunk);
  return container;
}

function whole(text: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = renderMarkdown(text);
  return container;
}

const bySize = (text: string, size: number) =>
  Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
const byWord = (text: string) => text.match(/\s*\S+|\s+/g) ?? [];

/** Texts where plain-looking text changes what a line is, or where blocks drop trailing spaces. */
const TRICKY = {
  orderedList: 'Steps:\n\n1. first step\n2. second step\n10) tenth\n\nAfter 2 steps and 3.5 more.',
  setext: 'Title here\n==========\n\nSub title\n---------\n\nText after.',
  trailingSpaces: 'para with trailing spaces   \nnext line  \n\nlast para   ',
  listSpaces: '- item one   \n- item two   \n   continued here  \n- [ ] task open\n- [x] task done  ',
  table: '| name | count |\n|---|---:|\n| apples   | 12   |\n| pears | 7 |\n\nAfter the table.',
  headings: '# One #\n\n## Two ##\n\n### Three with words and more words',
  autolinks: 'visit www.example.com today, or https://example.org/path?q=1 or write to me@example.com please',
  entities: 'fish &amp; chips &lt;b&gt; and AT&T, a &copy; sign &#169; done',
  escapes: 'escape \\*not emphasis\\* and a back\\\\slash and line end\\\nnext',
  inline: '**bold** and *em* and `code` and ~~strike~~ and **bold with more words** end',
  afterInline:
    'x **a**y and __b__c and __d__ e and `c`s and **f**  two spaces and *g*, h\n\n- **item** tail\n- `code` tail  \n\n## **Head** more\n\n| **a** | `b` |\n|---|---|\n| **c** d | `e` f |',
  unclosed: 'an **open one and `open code and ~~open strike done',
  quote: '> quote line one\n> more quote\nlazy continuation\n\nout',
  indented: 'a paragraph\n\n    indented code\n    more code\n\nb paragraph',
  html: 'text <span class="x">html</span> more <b>bold</b>\n\n<div>\nblock html\n</div>\n\nafter',
  chinese: '## 要点\n\n浏览器扩展可以帮助你总结网页，并且翻译选中的文字。\n\n- 第一点 说明\n- 第二点 说明',
  numbersOnly: 'Values:\n42\n7\n\n3\n\n2) item\n\n12. twelve',
  punctuation:
    'Really! Wow (with parens) and a-b c=d e:f 1+1 > 0 | pipe and # hash.\n\n## Heading (with parens) #not closing\n\n- item (one) - two = 3: yes!',
  links: 'a [link](https://example.com) (then parens) and [ref] (later) and ![img](x.png) done',
  setextDashes: 'Line one\n---\n\nLine two\n- - -\n\nLine three\n= = =\nmore',
  mixed: 'Some text\n```js\nconst a = 1;\n```\nmore text after the fence and words',
};

describe('IncrementalMarkdown streaming fast paths', () => {
  it.each(Object.entries(TRICKY))('streams %s to exactly the whole render, chunked any way', (_name, text) => {
    const expected = shape(whole(text));
    for (const size of [1, 2, 3, 5, 8, 13]) expect(shape(streamed(bySize(text, size))), `size ${size}`).toBe(expected);
    expect(shape(streamed(byWord(text))), 'by word').toBe(expected);
  });

  it('streams long generated answers, one token a chunk, to exactly the whole render', { timeout: 60_000 }, async () => {
    const tokenizer = await getTokenizer('gpt-4o');
    expect(tokenizer.exact).toBe(true);
    for (const seed of [1, 2, 3]) {
      const { text, chunks } = await answerOf(1500, seed);
      expect(shape(streamed(chunks)), `seed ${seed}`).toBe(shape(whole(text)));
    }
  });

  it('extends prose in place: the text node is kept and nothing is parsed again', () => {
    const container = document.createElement('div');
    const renderer = new IncrementalMarkdown(container);
    renderer.append('First words of a paragraph');
    const node = container.querySelector('p')!.firstChild;
    const rendered = vi.spyOn(Element.prototype, 'replaceChildren');
    for (const word of ' that keeps growing word by word, like an answer does.'.split(/(?= )/)) renderer.append(word);
    expect(rendered).not.toHaveBeenCalled();
    expect(container.querySelector('p')!.firstChild).toBe(node);
    expect(container.querySelector('p')!.textContent).toBe(
      'First words of a paragraph that keeps growing word by word, like an answer does.',
    );
  });

  it('renders again where the text may change meaning', () => {
    const container = document.createElement('div');
    const renderer = new IncrementalMarkdown(container);
    renderer.append('Some **bold');
    const rendered = vi.spyOn(Element.prototype, 'replaceChildren');
    renderer.append('**');
    expect(rendered).toHaveBeenCalled();
    expect(container.querySelector('strong')?.textContent).toBe('bold');
  });
});
