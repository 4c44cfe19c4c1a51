/**
 * Glance's in-page UI lives in a closed shadow root on a plain `div`. Not a custom element: a page
 * that defines a custom element's name first owns its constructor and gets the closed root through
 * `attachInternals().shadowRoot`, and no page can define or upgrade a built-in element. Page CSS does
 * not apply inside, our CSS does not leak out, and the host's own box is pinned with `!important`
 * inline declarations, which outrank any page rule aimed at it (`* { all: unset }` included).
 */

/** Events that act: the page may not fake them (a closed root keeps it out; this also holds if not). */
const ACTING = ['click', 'mousedown', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'change', 'input', 'submit'];

/**
 * Glance's hosts in this frame. A global of the extension's isolated world, which page scripts
 * cannot see: the selection button and the card are separate scripts that share it.
 */
function hosts(): WeakSet<Node> {
  const scope = globalThis as unknown as { __glanceHosts?: WeakSet<Node> };
  scope.__glanceHosts ??= new WeakSet();
  return scope.__glanceHosts;
}

/** A plain `div` with a closed shadow root styled by `css`; events the page made up die at the root. */
export function createShadowHost(css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('div');
  hosts().add(host);
  const root = host.attachShadow({ mode: 'closed' });
  for (const type of ACTING) root.addEventListener(type, (event) => event.isTrusted || event.stopImmediatePropagation(), true);
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

/** Whether a node is the host of one of Glance's shadow roots in this frame. */
export function isGlanceHost(node: unknown): boolean {
  return hosts().has(node as Node);
}

/** Whether an event happened in Glance's own UI (its path passes through one of our hosts). */
export function isGlanceEvent(event: Event): boolean {
  return event.composedPath().some(isGlanceHost);
}

/** Pins the host's box: `all: initial` first, then the given declarations, all `!important`. */
export function pinHost(host: HTMLElement, declarations: Record<string, string>): void {
  const rules = Object.entries(declarations).map(([name, value]) => `${name}:${value} !important`);
  host.style.cssText = ['all:initial !important', ...rules].join(';');
}
