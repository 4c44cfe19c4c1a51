/**
 * Whether a web page is dark where Glance draws on it, from the colours the page itself paints,
 * not the system's theme: a white article in a dark-themed browser gets a light card, a dark site
 * in a light one a dark card. Runs in the page (the card's lazily loaded script).
 */

/** An `rgb()`/`rgba()` colour as numbers (alpha 0–1); null for anything else. */
export function parseColor(css: string): { r: number; g: number; b: number; a: number } | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(css.trim());
  if (!match) return null;
  const alphaText = match[4];
  const a = alphaText === undefined ? 1 : alphaText.endsWith('%') ? Number.parseFloat(alphaText) / 100 : Number(alphaText);
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]), a };
}

/** Perceived lightness, 0 (black) to 1 (white). */
function lightness({ r, g, b }: { r: number; g: number; b: number }): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** A colour at least this opaque decides; fainter tints over it are ignored. */
const OPAQUE = 0.5;

/**
 * The background behind `start` (the selection's element): the first ancestor, itself included,
 * up to the root, that paints a mostly opaque background. Null when none does (the browser's
 * canvas shows through).
 */
export function backgroundBehind(start: Element | null, style: (element: Element) => CSSStyleDeclaration = getComputedStyle) {
  for (let element = start; element; element = element.parentElement) {
    const colour = parseColor(style(element).backgroundColor);
    if (colour && colour.a >= OPAQUE) return colour;
  }
  return null;
}

/**
 * Whether the page is dark behind `start`. Where nothing paints a background, the canvas decides:
 * dark only when the page asks for a dark colour scheme alone and the browser follows it.
 */
export function pageIsDark(start: Element | null, doc: Document = document): boolean {
  const view = doc.defaultView ?? window;
  const style = (element: Element) => view.getComputedStyle(element);
  const colour = backgroundBehind(start ?? doc.body ?? doc.documentElement, style);
  if (colour) return lightness(colour) < 0.5;
  const scheme = style(doc.documentElement).colorScheme ?? '';
  if (!/\bdark\b/.test(scheme)) return false;
  return !/\blight\b/.test(scheme) || view.matchMedia?.('(prefers-color-scheme: dark)').matches === true;
}

/** The element a selection is in (its field, or its range's), whose background a card matches. */
export function selectedElement(snapshot: { field?: Element; range?: Range; editable?: Element } | undefined): Element | null {
  if (!snapshot) return null;
  if (snapshot.field) return snapshot.field;
  const node = snapshot.range?.commonAncestorContainer ?? snapshot.editable ?? null;
  return node instanceof Element ? node : (node?.parentElement ?? null);
}
