import { translateButton as labelEn } from '@/locales/en/translate.json';
import { translateButton as labelZh } from '@/locales/zh-CN/translate.json';
import { PROTOCOL_TAG } from '@/utils/protocol';
import type { PageSettings } from '@/utils/translate/types';
import { isSiteOff } from '@/utils/translate/site-list';
import { placeButton, type Box } from './button-position';
import { bridge } from './card-bridge';
import { readSelection, snapshotOf, type PointerHint, type SelectionInfo } from './selection';
import { createShadowHost, isGlanceEvent, pinHost } from '@/utils/page/shadow-host';

/**
 * The always-on part of translation: watches for selections and draws a small "Translate" button
 * by them. Everything else (the card, Markdown, Preact) loads only when the button is pressed.
 * Runs in every page, so it does nothing until the user selects text, and stays small: no
 * framework, no polyfill, two strings.
 */

const SIZE = 28;
const CSS = `div{display:flex;gap:2px}button{all:initial;box-sizing:border-box;width:${SIZE}px;height:${SIZE}px;border:1px solid #c5cbd3;border-radius:50%;background:#fff;color:#1d4ed8;font:600 11px/1 system-ui,sans-serif;text-align:center;cursor:pointer;box-shadow:0 1px 5px #0004}button:hover{border-color:currentColor}button:focus-visible{outline:2px solid #2563eb;outline-offset:2px}@media (prefers-color-scheme:dark){button{background:#242529;color:#8ab4f8;border-color:#5f6368}}`;

interface Runtime {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(listener: (message: unknown) => void): void };
}

function runtime(): Runtime | undefined {
  const scope = globalThis as unknown as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  return (scope.browser ?? scope.chrome)?.runtime;
}

async function send(name: string): Promise<unknown> {
  const reply = (await runtime()!.sendMessage({ protocol: PROTOCOL_TAG, name, data: null })) as
    | { ok?: boolean; data?: unknown }
    | undefined;
  if (!reply?.ok) throw new Error(`${name} failed`);
  return reply.data;
}

const browserChinese = () => /^zh/i.test(navigator.language);

/** Whether two readings are the same selection (the one the card was just opened for). */
function sameSelection(a: SelectionInfo, b: SelectionInfo): boolean {
  if (a.field || b.field) return a.field === b.field && a.start === b.start && a.end === b.end;
  try {
    return (
      a.range!.compareBoundaryPoints(Range.START_TO_START, b.range!) === 0 &&
      a.range!.compareBoundaryPoints(Range.END_TO_END, b.range!) === 0
    );
  } catch {
    return false;
  }
}

/** Starts watching selections in this frame. Returns a function that stops it for good. */
export function startSelectionButton(): () => void {
  // Read when the button is first drawn: every DOM object touched at start-up costs every page.
  let chinese: boolean | undefined;
  let host: HTMLElement | undefined;
  let button: HTMLButtonElement | undefined;
  /** The toolbar the button leads (role=toolbar "Glance"); the actions join it once loaded. */
  let bar: HTMLElement | undefined;
  let current: SelectionInfo | null = null;
  /** The selection the card was opened for: no button for it again until the selection changes. */
  let opened: SelectionInfo | undefined;
  let pointer: PointerHint | undefined;
  let pointerDown = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let active = false;
  /** False once this copy of the script is orphaned (the extension was reloaded). */
  let listening = true;
  /**
   * Settings, asked once at the first selection. Until then the script does not touch the
   * extension API at all: creating its bindings in a page costs milliseconds, and most pages
   * never see a selection.
   */
  let settingsReady: Promise<boolean> | undefined;

  /** Names the button in the interface language. */
  const name = () => {
    const label = chinese ? labelZh : labelEn;
    button!.title = label;
    button!.setAttribute('aria-label', label);
  };

  let shown = false;
  const hide = () => {
    current = null;
    shown = false;
    // Not the `hidden` attribute: the host's pinned `display` outranks it.
    if (host) pinHost(host, { display: 'none' });
  };

  const place = (rects: Box[]) => {
    if (!button) {
      const made = createShadowHost(CSS);
      host = made.host;
      button = document.createElement('button');
      button.type = 'button';
      button.textContent = '文A';
      // Keep the page's selection and focus: the click must not take them away.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', openCard);
      bar = document.createElement('div');
      bar.role = 'toolbar';
      bar.ariaLabel = 'Glance';
      bar.append(button);
      made.root.append(bar);
      const shared = bridge();
      shared.bar = bar;
      shared.take = take;
      shared.redraw = () => shown && place(current!.rects);
      // Named once here; a later change of language renames it (askSettings).
      chinese ??= browserChinese();
      name();
    }
    const view = { width: document.documentElement.clientWidth || innerWidth, height: innerHeight };
    bar!.dir = current?.rtl ? 'rtl' : '';
    // The toolbar holds only buttons (its menu is beside it): as wide as they are.
    const width = bar!.childElementCount * (SIZE + 2) - 2;
    const spot = placeButton({
      rects,
      backward: !!current?.backward,
      rtl: !!current?.rtl,
      viewport: view,
      size: SIZE,
      width,
      avoid: bridge().avoid,
    });
    pinHost(host!, {
      position: 'fixed',
      display: 'block',
      'z-index': '2147483647',
      left: `${spot.left}px`,
      top: `${spot.top}px`,
      height: `${SIZE}px`,
    });
    if (!host!.isConnected) document.documentElement.append(host!);
    shown = true;
  };

  const evaluate = async () => {
    timer = undefined;
    if (!active) return;
    let info = readSelection(pointer);
    if (info && opened && sameSelection(info, opened)) info = null;
    else opened = undefined;
    current = info;
    if (!info) return hide();
    settingsReady ??= connect();
    // Drawn once the settings say the button is on here (and still for this same selection).
    if ((await settingsReady) && active && current === info) {
      place(info.rects);
      // The actions after Translate: loaded into this frame the first time, then told of each selection.
      bridge().drawn?.() || send('showActionToolbar').catch(() => {});
    }
  };

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void evaluate(), delay);
  };

  /** The selection a toolbar button acts on; the toolbar goes, and stays away for this selection. */
  function take() {
    const info = readSelection(pointer) ?? current;
    hide();
    if (!info) return;
    const snapshot = snapshotOf(info);
    opened = { ...info, range: snapshot.range };
    return snapshot;
  }

  function openCard() {
    const snapshot = take();
    if (!snapshot) return;
    const card = bridge();
    if (card.open) return card.open(snapshot);
    card.pending = snapshot;
    send('showTranslateCard').catch(() => {
      if (!runtime()?.id) stop(true);
    });
  }

  /** Asks for the settings; starts or stops the button by them. Resolves whether it is on. */
  async function askSettings(): Promise<boolean> {
    try {
      if (!runtime()?.id) throw new Error('orphaned');
      const settings = (await send('getPageSettings')) as PageSettings;
      chinese = settings.uiLanguage === 'auto' ? browserChinese() : settings.uiLanguage === 'zh-CN';
      if (button) name();
      const on = settings.translateButton && !isSiteOff(location.hostname, settings.translateOffSites);
      if (on) start();
      else stop(false);
      return on;
    } catch {
      // Orphaned (the extension was reloaded or removed): stop for good. Otherwise the background
      // failed this once: the next selection asks again.
      if (!runtime()?.id) stop(true);
      else settingsReady = undefined;
      return false;
    }
  }

  /** First selection: listen for settings changes (turned off in another tab), then ask. */
  let connected = false;
  function connect(): Promise<boolean> {
    if (!connected) {
      connected = true;
      runtime()?.onMessage.addListener((message) => {
        const event = message as { protocol?: string; event?: string } | null;
        if (!listening || event?.protocol !== PROTOCOL_TAG || event.event !== 'pageSettingsChanged') return;
        settingsReady = askSettings();
      });
    }
    return askSettings();
  }

  const onSelectionChange = () => {
    if (!pointerDown) schedule(200);
  };
  // Events in Glance's own UI (this button, the card) are not the page's: they change nothing here.
  const onPointerDown = (event: Event) => {
    if (isGlanceEvent(event)) return;
    pointerDown = true;
    // A new gesture: even the same text selected again gets its button.
    opened = undefined;
    hide();
  };
  const onPointerUp = (event: PointerEvent) => {
    if (isGlanceEvent(event)) return;
    pointerDown = false;
    const roots = event.composedPath().filter((node): node is ShadowRoot => node instanceof ShadowRoot);
    pointer = { x: event.clientX, y: event.clientY, roots };
    schedule(10);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (isGlanceEvent(event)) return;
    if (event.key === 'Escape') return hide();
    pointer = undefined;
    opened = undefined;
  };
  const onScroll = () => {
    if (!current || !shown) return;
    const rects = current.range ? Array.from(current.range.getClientRects()) : [];
    const end = current.backward ? rects[0] : rects[rects.length - 1];
    // Scrolled away (or a field, which has no line boxes to follow): the button goes.
    if (!end || end.bottom < 0 || end.top > innerHeight) hide();
    else place(rects);
  };

  const listeners: [EventTarget, string, EventListener, AddEventListenerOptions][] = [
    [document, 'selectionchange', onSelectionChange, {}],
    [document, 'pointerdown', onPointerDown, { capture: true }],
    [document, 'pointerup', onPointerUp as EventListener, { capture: true }],
    [document, 'keydown', onKeyDown as EventListener, { capture: true }],
    [window, 'scroll', onScroll, { capture: true, passive: true }],
    [window, 'resize', hide, {}],
  ];

  function start() {
    if (active) return;
    active = true;
    bridge().button = true;
    for (const [target, type, listener, options] of listeners) target.addEventListener(type, listener, options);
  }

  function stop(orphaned: boolean) {
    if (active) for (const [target, type, listener, options] of listeners) target.removeEventListener(type, listener, options);
    active = false;
    bridge().button = false;
    clearTimeout(timer);
    host?.remove();
    host = undefined;
    button = undefined;
    if (orphaned) listening = false;
  }

  // Until the page's selection first changes, one listener is all this script costs a page.
  bridge().button = true;
  document.addEventListener('selectionchange', wake, { once: true });
  function wake() {
    if (active || !listening) return;
    start();
    onSelectionChange();
  }
  return () => {
    document.removeEventListener('selectionchange', wake);
    stop(true);
  };
}
