// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PROTOCOL_TAG } from '@/utils/protocol';

// jsdom does no layout: ranges get a fixed box (the Chromium tests check real placement).
Range.prototype.getClientRects = () => [new DOMRect(10, 10, 100, 20)] as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect(10, 10, 100, 20);

type Listener = (message: unknown) => void;

/** A stand-in for the extension API, counting every time a script reaches for it. */
function fakeExtension(settings: { translateButton: boolean; translateOffSites?: string[] }) {
  const touched = vi.fn();
  const listeners: Listener[] = [];
  const sendMessage = vi.fn(async (message: { name: string }) => {
    if (message.name === 'getPageSettings') return { ok: true, data: { uiLanguage: 'en', translateOffSites: [], ...settings } };
    return { ok: true, data: null };
  });
  const runtime = { id: 'glance', sendMessage, onMessage: { addListener: (listener: Listener) => listeners.push(listener) } };
  // Firefox names it `browser`, Chrome `chrome` (the unit tests' fake browser is `browser` too).
  for (const name of ['browser', 'chrome']) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get: () => {
        touched();
        return { runtime };
      },
    });
  }
  return { touched, sendMessage, listeners, settings };
}

function selectText() {
  document.body.innerHTML = '<p id="p">Some words to translate</p>';
  const range = document.createRange();
  range.selectNodeContents(document.getElementById('p')!);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  document.dispatchEvent(new Event('selectionchange'));
}

/** Shadow roots attached by the code under test, by host (the roots are closed: no other way in). */
const roots = new Map<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
  const root = attachShadow.call(this, init);
  roots.set(this, root);
  return root;
};
const buttonHost = () => ([...roots.keys()].find((host) => host.isConnected) as HTMLElement | undefined) ?? null;
const visible = () => !!buttonHost() && buttonHost()!.style.getPropertyValue('display') !== 'none';

let stopButton: (() => void) | undefined;

afterEach(() => {
  stopButton?.();
  stopButton = undefined;
  vi.useRealTimers();
  vi.resetModules();
  document.body.innerHTML = '';
  buttonHost()?.remove();
  roots.clear();
  delete (globalThis as { chrome?: unknown }).chrome;
  Object.defineProperty(globalThis, 'browser', { configurable: true, writable: true, value: fakeBrowser });
  delete (globalThis as Record<string, unknown>).__glanceTranslate;
});

describe('the always-on selection script', () => {
  it('costs a page one listener and no extension API until its selection first changes', async () => {
    const extension = fakeExtension({ translateButton: true });
    const documentListeners = vi.spyOn(document, 'addEventListener');
    const windowListeners = vi.spyOn(window, 'addEventListener');
    const { startSelectionButton } = await import('@/utils/translate/page/selection-button');
    stopButton = startSelectionButton();
    expect(documentListeners.mock.calls.map(([type]) => type)).toEqual(['selectionchange']);
    expect(windowListeners).not.toHaveBeenCalled();
    expect(extension.touched).not.toHaveBeenCalled();
    expect(buttonHost()).toBeNull();
  });

  it('asks for its settings at the first selection, then shows a button named Translate', async () => {
    vi.useFakeTimers();
    const extension = fakeExtension({ translateButton: true });
    const { startSelectionButton } = await import('@/utils/translate/page/selection-button');
    stopButton = startSelectionButton();
    selectText();
    await vi.advanceTimersByTimeAsync(300);
    expect(extension.sendMessage).toHaveBeenCalledWith({ protocol: PROTOCOL_TAG, name: 'getPageSettings', data: null });
    expect(visible()).toBe(true);
    // The host is pinned against page CSS.
    expect(buttonHost()!.style.cssText).toContain('position: fixed !important');
  });

  it('draws nothing where the settings say the button is off, and comes back when told they changed', async () => {
    vi.useFakeTimers();
    const extension = fakeExtension({ translateButton: false });
    const { startSelectionButton } = await import('@/utils/translate/page/selection-button');
    stopButton = startSelectionButton();
    selectText();
    await vi.advanceTimersByTimeAsync(300);
    expect(visible()).toBe(false);
    // Turned on in the settings: the background tells open pages.
    extension.settings.translateButton = true;
    for (const listener of extension.listeners) listener({ protocol: PROTOCOL_TAG, event: 'pageSettingsChanged' });
    await vi.advanceTimersByTimeAsync(10);
    selectText();
    await vi.advanceTimersByTimeAsync(300);
    expect(visible()).toBe(true);
  });

  it('stays off on a site listed as off', async () => {
    vi.useFakeTimers();
    fakeExtension({ translateButton: true, translateOffSites: [location.hostname || 'localhost'] });
    const { startSelectionButton } = await import('@/utils/translate/page/selection-button');
    stopButton = startSelectionButton();
    selectText();
    await vi.advanceTimersByTimeAsync(300);
    expect(visible()).toBe(false);
  });

  it('hosts the button on a plain div (no page can define or upgrade it) and ignores clicks the page makes up', async () => {
    vi.useFakeTimers();
    // The page defined the names Glance used to use, to take the roots through attachInternals.
    const internals: ElementInternals[] = [];
    for (const name of ['glance-translate-button', 'glance-translation'])
      customElements.define(
        name,
        class extends HTMLElement {
          constructor() {
            super();
            internals.push(this.attachInternals());
          }
        },
      );
    const extension = fakeExtension({ translateButton: true });
    const { startSelectionButton } = await import('@/utils/translate/page/selection-button');
    stopButton = startSelectionButton();
    selectText();
    await vi.advanceTimersByTimeAsync(300);
    const host = buttonHost()!;
    expect(host.localName).toBe('div');
    expect(internals).toEqual([]);
    expect(host.shadowRoot).toBeNull();
    // Even given the root, a click that no person made (isTrusted false) opens nothing and spends nothing.
    roots.get(host)!.querySelector('button')!.click();
    roots
      .get(host)!
      .querySelector('button')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await vi.advanceTimersByTimeAsync(50);
    // Drawing the toolbar asks for its actions to be loaded; the made-up clicks asked for nothing.
    expect(extension.sendMessage.mock.calls.map(([message]) => message.name)).toEqual(['getPageSettings', 'showActionToolbar']);
    expect((globalThis as unknown as Record<string, { pending?: unknown }>).__glanceTranslate?.pending).toBeUndefined();
  });
});
