/**
 * A `glance-*` element with a closed shadow root: page scripts cannot reach inside, page CSS does
 * not apply inside, and our CSS does not leak out. The host's own box is pinned with `!important`
 * inline declarations, which outrank any page rule aimed at it (`* { all: unset }` included).
 */
export function createShadowHost(tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  try {
    // A constructed sheet is not an inline <style>, so it works under any page CSP.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  return { host, root };
}

/** Pins the host's box: `all: initial` first, then the given declarations, all `!important`. */
export function pinHost(host: HTMLElement, declarations: Record<string, string>): void {
  const rules = Object.entries(declarations).map(([name, value]) => `${name}:${value} !important`);
  host.style.cssText = ['all:initial !important', ...rules].join(';');
}
