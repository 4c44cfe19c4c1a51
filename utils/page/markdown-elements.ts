/** What the HTML → Markdown converter (html-to-markdown.ts) makes of each element, by tag name. */

/** Elements whose content is never text a reader sees. */
// biome-ignore format: a list of tag names, kept compact
export const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO',
  'IMG', 'PICTURE', 'SOURCE', 'TRACK', 'MAP', 'AREA', 'INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'OPTION',
  'LINK', 'META', 'HEAD', 'DIALOG',
]);

/** Elements that start a new block; everything else is inline. */
// biome-ignore format: a list of tag names, kept compact
export const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'UL', 'MENU', 'CAPTION', 'TBODY',
  'THEAD', 'TFOOT', 'TR', 'TD', 'TH', 'HTML',
]);

/** Headings, level in the tag name. */
export const HEADING = /^H[1-6]$/;
/** Lists: their items are written one a line. */
export const LISTS = new Set(['UL', 'OL', 'MENU']);
/** Written where they stand in a translation: a partly selected list or row has no parent to write them. */
export const ITEMS = new Set(['LI', 'TR', 'TD', 'TH']);
