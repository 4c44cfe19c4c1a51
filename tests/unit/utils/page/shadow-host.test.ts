// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createShadowHost, isExposed, pinHost } from '@/utils/page/shadow-host';

const PIN = { position: 'fixed', display: 'block', left: '100px', top: '50px', width: '28px', height: '28px' };

/** A pinned host where the layout (which jsdom does not do) puts it: at its pinned spot, on top. */
function pinnedHost() {
  const { host } = createShadowHost('');
  document.documentElement.append(host);
  pinHost(host, PIN);
  host.getBoundingClientRect = () => new DOMRect(100, 50, 28, 28);
  document.elementFromPoint = vi.fn(() => host);
  return host;
}

const click = (x = 114, y = 64) => new MouseEvent('click', { clientX: x, clientY: y, detail: 1 });

afterEach(() => {
  for (const element of [...document.documentElement.children])
    if (element !== document.head && element !== document.body) element.remove();
});

describe('the in-page UI host', () => {
  it('is a plain div whose clicks count while it is visible, unmoved and on top', () => {
    const host = pinnedHost();
    expect(host.localName).toBe('div');
    expect(isExposed(host, click())).toBe(true);
    // A keyboard click has no point: the host's middle is checked.
    expect(isExposed(host, new MouseEvent('click', { detail: 0 }))).toBe(true);
    expect(document.elementFromPoint).toHaveBeenLastCalledWith(114, 64);
  });

  it('refuses a click on a host the page restyled, and puts the pinned style back at once', async () => {
    const host = pinnedHost();
    const pinned = host.style.cssText;
    host.style.setProperty('opacity', '0.01', 'important');
    expect(isExposed(host, click())).toBe(false);
    await Promise.resolve();
    expect(host.style.cssText).toBe(pinned);
    expect(isExposed(host, click())).toBe(true);
  });

  it('refuses a click when the host was moved, is hidden, or something else is under the click', () => {
    const host = pinnedHost();
    host.getBoundingClientRect = () => new DOMRect(300, 300, 28, 28);
    expect(isExposed(host, click())).toBe(false);
    host.getBoundingClientRect = () => new DOMRect(100, 50, 28, 28);
    host.checkVisibility = () => false;
    expect(isExposed(host, click())).toBe(false);
    host.checkVisibility = () => true;
    document.elementFromPoint = () => document.body;
    expect(isExposed(host, click())).toBe(false);
  });
});
