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
 * Glance's hosts in this frame, each with the browser's last verdict on whether it is seen whole
 * (see watchOcclusion; undefined until there is one). A global of the extension's isolated world,
 * which page scripts cannot see: the selection button, its actions and the card are separate
 * scripts that share it.
 */
function hosts(): WeakMap<Node, boolean | undefined> {
  const scope = globalThis as unknown as { __glanceHosts?: WeakMap<Node, boolean | undefined> };
  scope.__glanceHosts ??= new WeakMap();
  return scope.__glanceHosts;
}

/** Each host's pinned inline style, as the browser serializes it. */
const pins = new WeakMap<HTMLElement, string>();

/**
 * A plain `div` with a closed shadow root styled by `css`. Events the page made up die at the root,
 * and so does a click on a host the page has hidden, moved or covered (clickjacking); the page's
 * edits of the host's style are undone as soon as it makes them.
 */
export function createShadowHost(css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('div');
  hosts().set(host, undefined);
  const root = host.attachShadow({ mode: 'closed' });
  for (const type of ACTING)
    root.addEventListener(
      type,
      (event) => {
        if (!event.isTrusted || (type === 'click' && !isExposed(host, event as MouseEvent))) event.stopImmediatePropagation();
      },
      true,
    );
  new MutationObserver(() => {
    const pinned = pins.get(host);
    if (pinned !== undefined && host.style.cssText !== pinned) host.style.cssText = pinned;
  }).observe(host, { attributes: true });
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

/**
 * Makes clicks on `host` count only while nothing at all is drawn over it, as the browser judges
 * (IntersectionObserver v2, Chromium): that also catches what lets clicks through
 * (`pointer-events: none`), which `elementFromPoint` cannot see. For a small host that spends on
 * one click (the selection toolbar; not the card, which page widgets may overlap). Called from the
 * toolbar's script, loaded at the first selection, so the always-on script does not carry it.
 */
export function watchOcclusion(host: Element): void {
  try {
    new IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1) as IntersectionObserverEntry & { isVisible?: boolean };
        // Hidden or out of view says nothing of what covers it once shown: the next verdict will.
        hosts().set(host, entry.isIntersecting ? entry.isVisible : undefined);
      },
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    ).observe(host);
  } catch {
    // No occlusion tracking (Firefox): the checks at the click's point still hold.
  }
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
  pins.set(host, host.style.cssText);
}

/**
 * Whether a click on the host is one the person could see: its style is as pinned, a fixed host is
 * where it was pinned, neither it nor the page is transparent or hidden, it is what lies under the
 * click (a keyboard click, with no point, is checked at the host's middle) and, where it is watched
 * (watchOcclusion), nothing is drawn over it.
 */
export function isExposed(host: HTMLElement, event: MouseEvent): boolean {
  const box = host.getBoundingClientRect();
  const style = host.style;
  const x = event.detail ? event.clientX : box.left + box.width / 2;
  const y = event.detail ? event.clientY : box.top + box.height / 2;
  return (
    style.cssText === pins.get(host) &&
    // A fixed host is where it was pinned (a side pinned to no length, such as "initial", is free).
    (style.position !== 'fixed' ||
      ![box.left - Number.parseFloat(style.left), box.top - Number.parseFloat(style.top)].some((gap) => Math.abs(gap) >= 1)) &&
    host.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) !== false &&
    // A faint page (0 is caught above; no value, as in a DOM without CSS, counts as opaque).
    (+getComputedStyle(document.documentElement).opacity || 1) > 0.9 &&
    document.elementFromPoint(x, y) === host &&
    hosts().get(host) !== false
  );
}
