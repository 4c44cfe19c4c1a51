import DOMPurify from 'dompurify';
import { Marked, type Token } from 'marked';
import { t } from './i18n';

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
export function renderNodes(tokens: Token[]): DocumentFragment {
  // The option is set on the instance; repeating it here picks the typing that returns nodes.
  return purifier('dom').sanitize(marked.parser(tokens), { RETURN_DOM_FRAGMENT: true });
}

/** Splits Markdown into block tokens (with their inline tokens), with Glance's options. */
export function lex(markdown: string): Token[] {
  return marked.lexer(markdown);
}

/** Renders a whole Markdown text to sanitized HTML (for answers that are complete). */
export function renderMarkdown(markdown: string): string {
  return renderTokens(marked.lexer(markdown));
}
