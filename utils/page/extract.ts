import { Readability } from '@mozilla/readability';
import { htmlToMarkdown } from './html-to-markdown';
import { selectionToMarkdown } from './selection-markdown';

/** Where the text came from: the article Readability found, the whole body, or the selection. */
export type PageSource = 'article' | 'body' | 'selection';

/** A page's readable content, as the injected script returns it to the background. */
export interface PageContent {
  url: string;
  title: string;
  byline: string;
  /** The page's declared language (may be empty). */
  lang: string;
  siteName: string;
  source: PageSource;
  /** Something is selected on the page (whether or not the summary reads it): the view offers the choice. */
  hasSelection: boolean;
  /**
   * The text as compact Markdown: blocks separated by blank lines, sections opened by `#`
   * headings. Offsets into this string identify sections and blocks (see utils/summary/sections.ts).
   */
  markdown: string;
  /** True when the text was cut at {@link MAX_PAGE_CHARS}. */
  truncated: boolean;
  /** Time spent extracting, in ms (diagnostics and the benchmark). */
  extractMs: number;
}

/** Why a page gave no text. */
export type UnreadableReason = 'loading' | 'empty' | 'pdf';

export type ExtractResult = { ok: true; page: PageContent } | { ok: false; reason: UnreadableReason };

/** About 750,000 tokens: past this even a map-reduce summary is not what anyone wants to pay for. */
export const MAX_PAGE_CHARS = 3_000_000;
/** An "article" shorter than this is Readability giving up politely: use the whole body instead. */
const MIN_ARTICLE_CHARS = 200;

/**
 * Extracts what a summary should read from a page: the selection when there is one (unless
 * `wholePage`: the user chose the page over it); else the article Readability finds on a clone of
 * the document (the live page is never modified); else the whole body text. Returns a reason
 * instead when the page is still loading, a PDF, or empty.
 */
export function extractPage(doc: Document, selection: Selection | null = null, wholePage = false): ExtractResult {
  const started = performance.now();
  if (doc.readyState === 'loading') return { ok: false, reason: 'loading' };
  if (isPdf(doc)) return { ok: false, reason: 'pdf' };

  const base = {
    url: doc.location?.href ?? doc.URL,
    title: (doc.title ?? '').trim(),
    byline: '',
    lang: doc.documentElement?.lang ?? '',
    siteName: '',
  };
  let source: PageSource = 'selection';
  const selected = selectionToMarkdown(selection);
  let markdown = wholePage ? '' : selected;
  let meta: Partial<typeof base> = {};
  if (!markdown) {
    const article = readArticle(doc);
    if (article && article.markdown.length >= MIN_ARTICLE_CHARS) {
      source = 'article';
      markdown = article.markdown;
      meta = article.meta;
    } else {
      source = 'body';
      markdown = bodyMarkdown(doc);
    }
  }
  if (!markdown.trim()) return { ok: false, reason: 'empty' };
  const truncated = markdown.length > MAX_PAGE_CHARS;
  if (truncated) markdown = markdown.slice(0, MAX_PAGE_CHARS);
  const page: PageContent = {
    ...base,
    title: meta.title || base.title,
    byline: meta.byline || '',
    lang: meta.lang || base.lang,
    siteName: meta.siteName || '',
    source,
    hasSelection: selected.trim() !== '',
    markdown,
    truncated,
    extractMs: 0,
  };
  page.extractMs = Math.round((performance.now() - started) * 10) / 10;
  return { ok: true, page };
}

function isPdf(doc: Document): boolean {
  if (doc.contentType === 'application/pdf') return true;
  const embed = doc.body?.querySelector('embed[type="application/pdf"]');
  return !!embed && (doc.body.textContent ?? '').trim() === '';
}

/**
 * Elements that can never be article text, removed from the clone before Readability walks it
 * (it would remove them too, but only after visiting every node: an icon-heavy page has thousands
 * of SVG paths). JSON-LD stays: Readability reads the title and byline from it.
 */
const NEVER_TEXT =
  'script:not([type="application/ld+json"]),style,noscript,template,svg,canvas,iframe,object,embed,select,textarea,input,button,dialog,[hidden]';

/** Runs Readability on a clone: it rewrites the tree it is given. */
function readArticle(doc: Document): { markdown: string; meta: Record<string, string> } | null {
  try {
    const clone = doc.cloneNode(true) as Document;
    for (const element of clone.querySelectorAll(NEVER_TEXT)) element.remove();
    // The serializer hands back the element itself: no HTML string to build and parse again.
    const reader = new Readability<Node>(clone, { serializer: (node) => node, keepClasses: true });
    // Its last pass makes link URLs absolute and tidies markup for display. This text goes to a
    // model as Markdown without URLs or classes, so that pass is skipped.
    (reader as unknown as { _postProcessContent(node: Node): void })._postProcessContent = () => {};
    const article = reader.parse();
    if (!article?.content) return null;
    return {
      markdown: htmlToMarkdown(article.content),
      meta: {
        title: (article.title ?? '').trim(),
        byline: (article.byline ?? '').trim(),
        lang: article.lang ?? '',
        siteName: (article.siteName ?? '').trim(),
      },
    };
  } catch {
    // A page Readability chokes on still has its body text.
    return null;
  }
}

function bodyMarkdown(doc: Document): string {
  if (!doc.body) return '';
  if (doc.contentType === 'text/plain') return (doc.body.textContent ?? '').trim();
  return htmlToMarkdown(doc.body, { skipHidden: true });
}
