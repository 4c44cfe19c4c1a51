import DOMPurify from 'dompurify';
import { Marked, type Token, type Tokens } from 'marked';

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
      return `<pre${label}><button type="button" class="copy-code" aria-label="Copy code">⧉</button><code>${escapeHtml(text)}</code></pre>`;
    },
  },
});

const ALLOWED_TAGS = [
  'a', 'b', 'blockquote', 'br', 'button', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i',
  'input', 'li', 'ol', 'p', 'pre', 's', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
];
const ALLOWED_ATTR = ['href', 'title', 'align', 'start', 'type', 'checked', 'disabled', 'class', 'aria-label', 'data-lang'];
const SAFE_URL = /^(?:https?:|mailto:)/i;

let hooked = false;
function purifier(): typeof DOMPurify {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
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
    hooked = true;
  }
  return DOMPurify;
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Renders block tokens to sanitized HTML. */
function renderTokens(tokens: Token[]): string {
  const html = marked.parser(tokens);
  return purifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: SAFE_URL,
    ADD_ATTR: ['target', 'rel'],
  });
}

/** Renders a whole Markdown text to sanitized HTML (for answers that are complete). */
export function renderMarkdown(markdown: string): string {
  return renderTokens(marked.lexer(markdown));
}

/**
 * Renders a growing Markdown text into a container without redoing what is finished: blocks
 * before the last one are rendered once and frozen; only the last block is re-rendered as text
 * arrives, and an open code block only gets the new text appended. Work per update is bounded by
 * the last block, so a whole answer costs time linear in its length.
 */
export class IncrementalMarkdown {
  private source = '';
  /** Offset in `source` up to which blocks are frozen in the DOM. */
  private frozenEnd = 0;
  private readonly live: HTMLElement;
  /**
   * The open code block being appended to: its raw opening line, the code text shown, and the
   * trailing newlines held back (Markdown drops a block's last newline until more text follows).
   */
  private openCode?: { opening: string; text: string; pending: string; node: Text };

  constructor(private readonly container: HTMLElement) {
    this.live = container.ownerDocument.createElement('div');
    this.live.className = 'md-live';
    container.replaceChildren(this.live);
  }

  /** The whole text shown so far. */
  get text(): string {
    return this.source;
  }

  /** Replaces everything with `text` (a different answer, a regenerate). */
  reset(text = ''): void {
    this.source = '';
    this.frozenEnd = 0;
    this.openCode = undefined;
    this.container.replaceChildren(this.live);
    this.live.replaceChildren();
    if (text) this.append(text);
  }

  /** Shows `delta` appended to the text. */
  append(delta: string): void {
    if (!delta) return;
    this.source += delta;
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
    const tokens = marked.lexer(this.source.slice(this.frozenEnd));
    // Everything before the last content block is finished: freeze it.
    let lastContent = tokens.length - 1;
    while (lastContent > 0 && tokens[lastContent]!.type === 'space') lastContent -= 1;
    if (lastContent > 0) {
      const finished = tokens.slice(0, lastContent);
      this.freeze(finished);
    }
    this.renderLive(tokens.slice(Math.max(lastContent, 0)).filter((token) => token.type !== 'space'));
  }

  private freeze(tokens: Token[]): void {
    const holder = this.container.ownerDocument.createElement('div');
    holder.innerHTML = renderTokens(tokens);
    this.container.insertBefore(fragmentOf(holder), this.live);
    this.frozenEnd += tokens.reduce((length, token) => length + token.raw.length, 0);
    this.openCode = undefined;
    this.live.replaceChildren();
  }

  private renderLive(tokens: Token[]): void {
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
      this.live.innerHTML = renderTokens(tokens);
      const codeElement = this.live.querySelector('code');
      const node = codeElement?.firstChild instanceof Text ? codeElement.firstChild : codeElement?.appendChild(this.container.ownerDocument.createTextNode(''));
      this.openCode = node && appendable ? { opening, text: code.text, pending, node } : undefined;
      return;
    }
    this.openCode = undefined;
    this.live.innerHTML = tokens.length ? renderTokens(tokens) : '';
  }
}

function fragmentOf(holder: HTMLElement): DocumentFragment {
  const fragment = holder.ownerDocument.createDocumentFragment();
  while (holder.firstChild) fragment.appendChild(holder.firstChild);
  return fragment;
}
