// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { backgroundBehind, pageIsDark, parseColor, selectedElement } from '@/utils/page/page-theme';

/** A page whose elements paint the given inline backgrounds; returns the innermost element. */
function page(html: string): Element {
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
  document.body.innerHTML = html;
  return document.getElementById('picked')!;
}

describe('the page theme behind a selection', () => {
  it('reads rgb and rgba colours, and nothing else', () => {
    expect(parseColor('rgb(255, 255, 255)')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseColor('transparent')).toBeNull();
  });

  it('takes the nearest background that is mostly opaque, skipping transparent and faint ones', () => {
    const styles = new Map<Element, string>();
    const inner = page('<div id="outer"><div id="tint"><p id="picked">Text</p></div></div>');
    styles.set(document.getElementById('outer')!, 'rgb(20, 20, 24)');
    styles.set(document.getElementById('tint')!, 'rgba(255, 255, 255, 0.1)');
    const style = (element: Element) => ({ backgroundColor: styles.get(element) ?? 'rgba(0, 0, 0, 0)' }) as CSSStyleDeclaration;
    expect(backgroundBehind(inner, style)).toEqual({ r: 20, g: 20, b: 24, a: 1 });
  });

  it('is dark on a dark page and light on a light one, whatever the system theme', () => {
    expect(pageIsDark(page('<p id="picked" style="background-color: rgb(250, 250, 250)">Text</p>'))).toBe(false);
    const dark = page('<main style="background-color: rgb(18, 18, 18)"><p id="picked">Text</p></main>');
    expect(pageIsDark(dark)).toBe(true);
    document.body.innerHTML = '';
    document.body.style.backgroundColor = 'rgb(30, 30, 46)';
    expect(pageIsDark(null)).toBe(true);
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    expect(pageIsDark(null)).toBe(false);
  });

  it('is light where nothing paints a background and the page does not ask for a dark scheme', () => {
    expect(pageIsDark(page('<p id="picked">Text</p>'))).toBe(false);
  });

  it('starts from the selected element: a field, or the element the range is in', () => {
    const inner = page('<p id="picked">Some <b>bold</b> text</p>');
    const range = document.createRange();
    range.selectNodeContents(inner.querySelector('b')!.firstChild!);
    expect(selectedElement({ range })).toBe(inner.querySelector('b'));
    const field = document.createElement('textarea');
    expect(selectedElement({ field, range })).toBe(field);
    expect(selectedElement(undefined)).toBeNull();
  });
});
