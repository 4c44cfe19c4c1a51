import { moreActions as moreEn } from '@/locales/en/actions.json';
import { moreActions as moreZh } from '@/locales/zh-CN/actions.json';
import type { ToolbarAction } from '@/utils/actions/types';
import { runInputOf } from '@/utils/actions/page/context';
import { PROTOCOL_TAG, type MessageName, type RequestOf, type ResponseOf } from '@/utils/protocol';
import { pageIsDark } from '@/utils/page/page-theme';
import { watchOcclusion } from '@/utils/page/shadow-host';
import { bridge } from '@/utils/translate/page/card-bridge';

/** Buttons on the toolbar itself, Translate included; the rest go under "More actions". */
export const VISIBLE = 4;

const CSS = `.menu{position:absolute;top:32px;display:flex;flex-direction:column;min-width:160px;padding:4px;
background:#fff;border:1px solid #c5cbd3;border-radius:8px;box-shadow:0 2px 10px #0004}
.menu[hidden]{display:none}
.menu button{width:auto;height:auto;border:0;border-radius:4px;box-shadow:none;padding:6px 10px;color:#1f2328;font:14px/1.3 system-ui,sans-serif;text-align:start;white-space:nowrap}
.menu button:hover,.menu button:focus{background:#eef3ff}
.menu.dark{background:#242529;border-color:#5f6368}.menu.dark button{color:#e8eaed}.menu.dark button:hover,.menu.dark button:focus{background:#30343c}
.light>button{background:#fff;color:#1d4ed8;border-color:#c5cbd3}.dark>button{background:#242529;color:#8ab4f8;border-color:#5f6368}
.light>button:hover,.dark>button:hover{border-color:currentColor}`;

/**
 * The page element behind the selection, whose background the toolbar matches (the selection
 * script's own rule follows the system's theme until this script has loaded).
 */
function selectionElement(): Element | null {
  const active = document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) return active;
  const selection = getSelection();
  const node = selection?.rangeCount ? selection.getRangeAt(0).commonAncestorContainer : null;
  return node instanceof Element ? node : (node?.parentElement ?? null);
}

/** Pure: which actions get a button, and which go to the overflow menu (Translate holds one slot). */
export function splitActions(actions: readonly ToolbarAction[]): { shown: ToolbarAction[]; more: ToolbarAction[] } {
  if (actions.length + 1 <= VISIBLE) return { shown: [...actions], more: [] };
  return { shown: actions.slice(0, VISIBLE - 1), more: actions.slice(VISIBLE - 1) };
}

interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
}

/** One message to the background, without the polyfill: this script loads at a first selection. */
async function sendMessage<N extends MessageName>(name: N, data: RequestOf<N>): Promise<ResponseOf<N>> {
  const scope = globalThis as unknown as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  const reply = (await (scope.browser ?? scope.chrome)!.runtime!.sendMessage({ protocol: PROTOCOL_TAG, name, data })) as
    | { ok?: boolean; data?: ResponseOf<N> }
    | undefined;
  if (!reply?.ok) throw new Error(`${name} failed`);
  return reply.data as ResponseOf<N>;
}

/**
 * Runs an action on the current selection: hands it to the action card, loading it the first time,
 * or, for an action that answers in the side panel, sends it to the background, which opens the
 * panel (only this script's trusted, unobscured clicks get here: see watchOcclusion).
 */
function run(action: ToolbarAction): void {
  const shared = bridge();
  const snapshot = shared.take?.();
  if (!snapshot) return;
  if (action.panel) {
    sendMessage('openActionInPanel', runInputOf(action, snapshot)).catch(() => {});
    return;
  }
  if (shared.runAction) {
    shared.runAction(snapshot, action);
    return;
  }
  shared.pendingAction = { snapshot, action };
  sendMessage('showActionCard', null).catch(() => {});
}

function makeButton(label: string, text: string, onClick: () => void, role?: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text;
  button.title = label;
  button.setAttribute('aria-label', label);
  if (role) button.setAttribute('role', role);
  // Keep the page's selection and focus: the click must not take them away.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', onClick);
  return button;
}

/**
 * The actions after Translate on the selection toolbar, drawn from the list the background sends
 * each time the toolbar is drawn (so a new action shows on pages already open). Plain DOM in the
 * selection script's closed root; arrow keys move between the buttons and the menu's items.
 */
export function installToolbar(): void {
  const shared = bridge();
  if (shared.drawn) return;
  let generation = 0;
  let added: HTMLElement[] = [];
  let menus: HTMLElement[] = [];
  let styled = false;
  /** Whether the page is dark behind the current selection: the toolbar and its menu follow it. */
  let dark = false;

  const draw = (bar: HTMLElement, actions: ToolbarAction[], chinese: boolean) => {
    for (const element of [...added, ...menus]) element.remove();
    added = [];
    menus = [];
    const root = bar.getRootNode() as ShadowRoot;
    if (!styled) {
      styled = true;
      try {
        // A constructed sheet is not an inline <style>, so it works under any page CSP.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      } catch {
        const style = document.createElement('style');
        style.textContent = CSS;
        root.append(style);
      }
    }
    const { shown, more } = splitActions(actions);
    for (const action of shown) added.push(makeButton(action.name, action.icon, () => run(action)));
    if (more.length) {
      const menu = document.createElement('div');
      menu.className = dark ? 'menu dark' : 'menu';
      menu.setAttribute('role', 'menu');
      menu.hidden = true;
      const label = chinese ? moreZh : moreEn;
      const toggle = makeButton(label, '⋯', () => (menu.hidden ? openMenu() : closeMenu()));
      toggle.setAttribute('aria-haspopup', 'menu');
      toggle.setAttribute('aria-expanded', 'false');
      menu.setAttribute('aria-label', label);
      const items = more.map((action) => makeButton(action.name, action.name, () => run(action), 'menuitem'));
      menu.append(...items);
      const openMenu = () => {
        // Towards the side with room: the menu is wider than the toolbar.
        const box = bar.getBoundingClientRect();
        const leftward = box.left + 180 > innerWidth;
        menu.style.left = leftward ? 'auto' : '0';
        menu.style.right = leftward ? '0' : 'auto';
        menu.hidden = false;
        toggle.setAttribute('aria-expanded', 'true');
        items[0]?.focus();
      };
      const closeMenu = () => {
        menu.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
      };
      menu.addEventListener('keydown', (event) => {
        const at = items.indexOf(root.activeElement as HTMLButtonElement);
        const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
        if (step) items[(at + step + items.length) % items.length]?.focus();
        if (event.key === 'Escape') {
          closeMenu();
          toggle.focus();
        }
        if (step || event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
        }
      });
      toggle.addEventListener('keydown', (event) => {
        if (event.key === 'ArrowDown') {
          event.preventDefault();
          openMenu();
        }
      });
      added.push(toggle);
      // Beside the toolbar, not in it: the selection script measures the toolbar by its buttons.
      root.append(menu);
      menus.push(menu);
    }
    bar.append(...added);
    rove(bar, root);
    shared.redraw?.();
    // Placed at its new width: if that covers the page's own controls, placed again off them.
    const controls = controlsUnder(bar);
    if (controls.length) {
      shared.avoid = [...(shared.avoid ?? []), ...controls];
      shared.redraw?.();
    }
  };

  const watched = new WeakSet<Element>();
  const onDrawn = () => {
    const mine = ++generation;
    // The toolbar spends on one click: each of its hosts counts clicks only while nothing covers it.
    const host = (bridge().bar?.getRootNode() as ShadowRoot | undefined)?.host;
    if (host && !watched.has(host)) {
      watched.add(host);
      watchOcclusion(host);
    }
    // A new selection: the controls to keep clear are found again where it is, and its colours.
    shared.avoid = undefined;
    dark = pageIsDark(selectionElement());
    const bar = bridge().bar;
    bar?.classList.toggle('dark', dark);
    bar?.classList.toggle('light', !dark);
    for (const menu of menus) {
      menu.classList.toggle('dark', dark);
      menu.hidden = true;
    }
    sendMessage('listActions', null).then(
      ({ locale, actions }) => {
        const bar = bridge().bar;
        if (mine !== generation || !bar) return;
        draw(bar, actions, locale === 'zh-CN');
      },
      () => {},
    );
    return true;
  };
  shared.drawn = onDrawn;
  onDrawn();
}

const CONTROLS =
  'a[href],button,input,select,textarea,summary,label,[role=button],[role=link],[role=tab],[role=menuitem],[contenteditable],[tabindex],[onclick]';

/**
 * The page's own controls under the toolbar (the topmost page element at points across it): a
 * toolbar over a page's Send or Like button takes the click meant for it. The selection script
 * places the toolbar off these, as off the selection.
 */
export function controlsUnder(bar: HTMLElement): { left: number; top: number; right: number; bottom: number }[] {
  const host = (bar.getRootNode() as ShadowRoot).host;
  const box = bar.getBoundingClientRect();
  const found = new Set<Element>();
  for (let x = box.left + 2; x < box.right; x += 8) {
    for (const y of [box.top + 2, (box.top + box.bottom) / 2, box.bottom - 2]) {
      const under = document.elementsFromPoint(x, y).find((element) => element !== host);
      const control = under?.closest(CONTROLS);
      if (control && control !== document.body && control !== document.documentElement) found.add(control);
    }
  }
  return Array.from(found, (control) => {
    const r = control.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
}

/** One tab stop for the toolbar; Left, Right, Home and End move between its buttons. */
function rove(bar: HTMLElement, root: ShadowRoot): void {
  const buttons = () =>
    Array.from(bar.children).filter((child): child is HTMLButtonElement => child instanceof HTMLButtonElement);
  buttons().forEach((button, index) => {
    button.tabIndex = index === 0 ? 0 : -1;
  });
  if (bar.dataset.roving) return;
  bar.dataset.roving = '1';
  bar.addEventListener('keydown', (event) => {
    const list = buttons();
    const at = list.indexOf(root.activeElement as HTMLButtonElement);
    if (at < 0) return;
    // Esc in the toolbar puts it away, as Esc in the page does.
    if (event.key === 'Escape') return void bridge().take?.();
    const forward = bar.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const back = bar.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const next =
      event.key === forward
        ? at + 1
        : event.key === back
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? list.length - 1
              : -2;
    if (next === -2) return;
    event.preventDefault();
    const target = list[(next + list.length) % list.length]!;
    for (const button of list) button.tabIndex = button === target ? 0 : -1;
    target.focus();
  });
}
