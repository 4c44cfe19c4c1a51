// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { BEACON_EVERY, NearWatch, WATCH_AFTER, WATCH_BEFORE } from '@/utils/pagetranslate/page/near-watch';

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
  const items = Array.from({ length: count }, () => ({ element: document.createElement('p'), state: 'idle' }));
  for (const item of items) near.add(item);
  const places = () => items.flatMap((item, place) => (watched.has(item.element) ? [place] : []));
  return { near, items, places };
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

  it('stays put for small moves', () => {
    const { near, items, places } = setUp(3000);
    const before = places();
    near.seen(items[WATCH_BEFORE + BEACON_EVERY - 1]!);
    expect(places()).toEqual(before);
  });
});
