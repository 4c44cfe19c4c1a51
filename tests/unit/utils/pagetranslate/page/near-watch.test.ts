// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { BEACON_EVERY, FEW_ADDED, NearWatch, WATCH_AFTER, WATCH_BEFORE } from '@/utils/pagetranslate/page/near-watch';

interface Item {
  element: Element;
  state: string;
}

function setUp(count: number) {
  const watched = new Set<Element>();
  const observer = {
    observe: (element: Element) => void watched.add(element),
    unobserve: (element: Element) => void watched.delete(element),
  };
  const near = new NearWatch<Item>(observer);
  const items: Item[] = [];
  const more = (n: number) => {
    const added = Array.from({ length: n }, () => ({ element: document.createElement('p'), state: 'idle' }));
    items.push(...added);
    near.add(added);
  };
  more(count);
  const places = () => items.flatMap((item, place) => (watched.has(item.element) ? [place] : []));
  return { near, items, places, more };
}

describe('which paragraphs the look-ahead watches', () => {
  it('watches the first paragraphs and beacons beyond, not all of a long page', () => {
    const { places } = setUp(5000);
    const watched = places();
    expect(watched.filter((place) => place < WATCH_AFTER)).toHaveLength(WATCH_AFTER);
    expect(watched.filter((place) => place >= WATCH_AFTER).every((place) => place % BEACON_EVERY === 0)).toBe(true);
    expect(watched.length).toBeLessThan(WATCH_AFTER + 5000 / BEACON_EVERY + 1);
  });

  it('follows the reader: a paragraph seen far down (a beacon, after a jump) moves the range to it', () => {
    const { near, items, places } = setUp(5000);
    for (const item of items.slice(0, 200)) item.state = 'done';
    near.seen(items[3200]!);
    const watched = places();
    for (let place = 3200 - WATCH_BEFORE; place < 3200 + WATCH_AFTER; place += 1) expect(watched).toContain(place);
    // The old range is let go, beacons stay.
    expect(watched).not.toContain(250);
    expect(watched).toContain(BEACON_EVERY * 10);
  });

  it('does not watch again paragraphs already read when the range comes back over them', () => {
    const { near, items, places } = setUp(3000);
    near.seen(items[2000]!);
    items[150]!.state = 'done';
    near.seen(items[160]!);
    expect(places()).not.toContain(150);
    expect(places()).toContain(151);
  });

  it('watches a few paragraphs added later wherever they are (comments expanded mid-page), and keeps watching them', () => {
    const { near, items, places, more } = setUp(3000);
    more(20);
    for (let place = 3000; place < 3020; place += 1) expect(places()).toContain(place);
    near.seen(items[1500]!);
    near.seen(items[10]!);
    for (let place = 3000; place < 3020; place += 1) expect(places()).toContain(place);
    more(FEW_ADDED + 1);
    const big = places().filter((place) => place >= 3020);
    expect(big.every((place) => place % BEACON_EVERY === 0)).toBe(true);
  });

  it('stays put for small moves', () => {
    const { near, items, places } = setUp(3000);
    const before = places();
    near.seen(items[WATCH_BEFORE + BEACON_EVERY - 1]!);
    expect(places()).toEqual(before);
  });
});
