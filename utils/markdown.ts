import DOMPurify from 'dompurify';
import { Marked, type Token, type Tokens } from 'marked';
import { t } from './i18n';
import { extendsPlainly, lastLine, plainEndOf, type PlainEnd } from './markdown-plain';

/**
 * Markdown from the model, turned into safe HTML. Model output is untrusted: raw HTML is shown as
 * text, images become plain links (no remote loads), only http(s) and mailto links survive, and
 * every link opens in a new tab without an opener. DOMPurify checks the result again.
 */
const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
    image({ href, text }) {
      return `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>`;
    },
    code({ text, lang }) {
      const language = (lang ?? '').match(/^[\w+#.-]+/)?.[0] ?? '';
      const label = language ? ` data-lang="${escapeHtml(language)}"` : '';
      return `<pre${label}><button type="button" class="copy-code" aria-label="${escapeHtml(t('copyCode'))}">${escapeHtml(t('copy'))}</button><code>${escapeHtml(text)}</code></pre>`;
    },
  },
});

const ALLOWED_TAGS = [
  'a',
  'b',
  'blockquote',
  'br',
  'button',
  'code',
  'del',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'input',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
];
const ALLOWED_ATTR = ['href', 'title', 'align', 'start', 'type', 'checked', 'disabled', 'class', 'aria-label', 'data-lang'];
const SAFE_URL = /^(?:https?:|mailto:)/i;

type Output = 'html' | 'dom';
const instances: Partial<Record<Output, typeof DOMPurify>> = {};
/**
 * Glance's own DOMPurify instances, configured once: one returns HTML, one DOM nodes (for the
 * incremental renderer, which so skips serializing and parsing the result again). Passing the
 * configuration to every `sanitize` call makes DOMPurify parse it again each time, which a
 * streaming answer would pay for on every chunk; instances of our own also keep the hook away
 * from other users of the default one.
 */
function purifier(output: Output): typeof DOMPurify {
  let instance = instances[output];
  if (!instance) {
    instance = DOMPurify(globalThis.window);
    instance.setConfig({
      ALLOWED_TAGS,
      ALLOWED_ATTR,
      ALLOWED_URI_REGEXP: SAFE_URL,
      ADD_ATTR: ['target', 'rel'],
      RETURN_DOM_FRAGMENT: output === 'dom',
    });
    instance.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        const href = node.getAttribute('href') ?? '';
        if (!SAFE_URL.test(href.trim())) node.removeAttribute('href');
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
      // Task-list checkboxes are the only inputs Markdown makes; they must not be editable.
      if (node.tagName === 'INPUT') {
        if (node.getAttribute('type') !== 'checkbox') node.remove();
        else node.setAttribute('disabled', '');
      }
      if (node.tagName === 'BUTTON' && node.getAttribute('class') !== 'copy-code') node.remove();
    });
    instances[output] = instance;
  }
  return instance;
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Renders block tokens to sanitized HTML. */
function renderTokens(tokens: Token[]): string {
  return purifier('html').sanitize(marked.parser(tokens));
}

/** Renders block tokens to sanitized DOM nodes, owned by an inert document until inserted. */
function renderNodes(tokens: Token[]): DocumentFragment {
  // The option is set on the instance; repeating it here picks the typing that returns nodes.
  return purifier('dom').sanitize(marked.parser(tokens), { RETURN_DOM_FRAGMENT: true });
}

/** Renders a whole Markdown text to sanitized HTML (for answers that are complete). */
export function renderMarkdown(markdown: string): string {
  return renderTokens(marked.lexer(markdown));
}

/**
 * Renders a growing Markdown text into a container without redoing what is finished: blocks
 * before the last one are rendered once and frozen; only the last block is re-rendered as text
 * arrives, an open code block only gets the new text appended, and plain words extend the last
 * block's text in place (see markdown-plain.ts). Work per update is bounded by the last block, so
 * a whole answer costs time linear in its length.
 */
export class IncrementalMarkdown {
  /** The text of the frozen blocks (kept apart: slicing one growing string would copy it all). */
  private frozenSource = '';
  /** The text after the frozen blocks: the last block, the one re-rendered as text arrives. */
  private tail = '';
  private readonly live: HTMLElement;
  /**
   * The open code block being appended to: its raw opening line, the code text shown, and the
   * trailing newlines held back (Markdown drops a block's last newline until more text follows).
   */
  private openCode?: { opening: string; text: string; pending: string; node: Text };
  /**
   * Where plain text can go straight into the live block: its last text node, directly in a
   * paragraph, list item, heading or cell, and the trailing spaces the block does not show yet.
   */
  private plainEnd?: PlainEnd;

  constructor(private readonly container: HTMLElement) {
    this.live = container.ownerDocument.createElement('div');
    this.live.className = 'md-live';
    container.replaceChildren(this.live);
  }

  /** The whole text shown so far. */
  get text(): string {
    return this.frozenSource + this.tail;
  }

  /** Replaces everything with `text` (a different answer, a regenerate). */
  reset(text = ''): void {
    this.frozenSource = '';
    this.tail = '';
    this.openCode = undefined;
    this.plainEnd = undefined;
    this.container.replaceChildren(this.live);
    this.live.replaceChildren();
    if (text) this.append(text);
  }

  /** Shows `delta` appended to the text. */
  append(delta: string): void {
    if (!delta) return;
    this.tail += delta;
    // Inside an open code block, text without fence characters can only be more code: show it
    // without lexing the (possibly huge) block again.
    if (this.openCode && !/[`~]/.test(delta)) {
      const combined = this.openCode.pending + delta;
      const shown = combined.replace(/\n+$/, '');
      this.openCode.pending = combined.slice(shown.length);
      this.openCode.node.appendData(shown);
      this.openCode.text += shown;
      return;
    }
    if (
      this.plainEnd &&
      extendsPlainly(delta, lastLine(this.tail), this.plainEnd.node.parentNode!.nodeName) &&
      this.fitsPlainEnd(delta)
    ) {
      this.appendPlain(delta);
      return;
    }
    const tokens = marked.lexer(this.tail);
    // Everything before the last content block is finished: freeze it.
    let lastContent = tokens.length - 1;
    while (lastContent > 0 && tokens[lastContent]!.type === 'space') lastContent -= 1;
    if (lastContent > 0) {
      const finished = tokens.slice(0, lastContent);
      this.freeze(finished);
    }
    this.renderLive(tokens.slice(Math.max(lastContent, 0)).filter((token) => token.type !== 'space'));
  }

  /**
   * Most chunks of prose are words and spaces that cannot change the block's structure: they
   * extend its last text node, which is exactly what rendering the block again would produce,
   * at the cost of a string append instead of a lex, a render and a sanitize.
   */
  private appendPlain(delta: string): void {
    const end = this.plainEnd!;
    const combined = end.pending + delta;
    const shown = end.trims ? combined.replace(/[ \t]+$/, '') : combined;
    end.pending = combined.slice(shown.length);
    end.node.appendData(shown);
  }

  /**
   * After an inline element that just closed ("**bold**"), only text starting with a space or a
   * punctuation mark is sure to stay outside it ("__bold__s" is no emphasis at all).
   */
  private fitsPlainEnd(delta: string): boolean {
    const end = this.plainEnd!;
    return !end.afterInline || end.node.data !== '' || /^[\s.,;:!?)]/.test(end.pending + delta);
  }

  private freeze(tokens: Token[]): void {
    this.container.insertBefore(renderNodes(tokens), this.live);
    const length = tokens.reduce((sum, token) => sum + token.raw.length, 0);
    this.frozenSource += this.tail.slice(0, length);
    this.tail = this.tail.slice(length);
    this.openCode = undefined;
    this.plainEnd = undefined;
    this.live.replaceChildren();
  }

  private renderLive(tokens: Token[]): void {
    this.plainEnd = undefined;
    const only = tokens.length === 1 ? tokens[0] : undefined;
    if (only?.type === 'code' && (only as Tokens.Code).codeBlockStyle !== 'indented') {
      const code = only as Tokens.Code;
      const opening = code.raw.slice(0, code.raw.indexOf('\n') + 1);
      // Only a fence at the margin keeps the code text equal to the raw text after it.
      const after = code.raw.slice(opening.length);
      const pending = after.slice(code.text.length);
      const appendable = /^[`~]/.test(opening) && after.startsWith(code.text) && /^\n*$/.test(pending);
      if (appendable && this.openCode && this.openCode.opening === opening && code.text.startsWith(this.openCode.text)) {
        this.openCode.node.appendData(code.text.slice(this.openCode.text.length));
        this.openCode.text = code.text;
        this.openCode.pending = pending;
        return;
      }
      this.live.replaceChildren(renderNodes(tokens));
      const codeElement = this.live.querySelector('code');
      const node =
        codeElement?.firstChild instanceof Text
          ? codeElement.firstChild
          : codeElement?.appendChild(this.container.ownerDocument.createTextNode(''));
      this.openCode = node && appendable ? { opening, text: code.text, pending, node } : undefined;
      return;
    }
    this.openCode = undefined;
    this.live.replaceChildren(tokens.length ? renderNodes(tokens) : '');
    this.plainEnd = plainEndOf(this.live, lastLine(this.tail));
  }
}
