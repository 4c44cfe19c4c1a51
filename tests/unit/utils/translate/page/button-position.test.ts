import { describe, expect, it } from 'vitest';
import { placeButton, type Box } from '@/utils/translate/page/button-position';

const viewport = { width: 1000, height: 800 };
const line = (left: number, top: number, right: number, height = 20): Box => ({ left, top, right, bottom: top + height });
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const boxAt = (spot: { left: number; top: number }, size = 28): Box => ({
  left: spot.left,
  top: spot.top,
  right: spot.left + size,
  bottom: spot.top + size,
});

describe('placeButton', () => {
  it('goes just under the end of the last line of a forward selection', () => {
    const rects = [line(100, 100, 900), line(100, 120, 900), line(100, 140, 400)];
    const spot = placeButton({ rects, backward: false, rtl: false, viewport, size: 28 });
    expect(spot).toEqual({ left: 372, top: 164 });
    for (const rect of rects) expect(overlaps(boxAt(spot), rect)).toBe(false);
  });

  it('goes over the start of a backward selection (where the user finished)', () => {
    const rects = [line(300, 100, 900), line(100, 120, 900)];
    expect(placeButton({ rects, backward: true, rtl: false, viewport, size: 28 })).toEqual({ left: 300, top: 68 });
  });

  it('uses the left end of the line for right-to-left text', () => {
    const rects = [line(200, 100, 900), line(500, 120, 900)];
    expect(placeButton({ rects, backward: false, rtl: true, viewport, size: 28 })).toEqual({ left: 500, top: 144 });
  });

  it('flips above when the selection ends at the bottom of the viewport, still off the text', () => {
    const rects = [line(100, 740, 600), line(100, 760, 600, 30)];
    const spot = placeButton({ rects, backward: false, rtl: false, viewport, size: 28 });
    expect(spot.top + 28).toBeLessThanOrEqual(740);
    for (const rect of rects) expect(overlaps(boxAt(spot), rect)).toBe(false);
  });

  it('goes beside a selection that fills the viewport from top to bottom', () => {
    const rects = Array.from({ length: 40 }, (_, i) => line(100, i * 20, 700));
    const spot = placeButton({ rects, backward: false, rtl: false, viewport, size: 28 });
    expect(spot.left).toBeGreaterThanOrEqual(704);
    for (const rect of rects) expect(overlaps(boxAt(spot), rect)).toBe(false);
  });

  it('stays inside the viewport at its edges', () => {
    const spot = placeButton({ rects: [line(980, 100, 1000)], backward: false, rtl: false, viewport, size: 28 });
    expect(spot.left + 28).toBeLessThanOrEqual(1000);
    expect(spot.left).toBeGreaterThanOrEqual(0);
  });

  it('leads a toolbar with the button: the toolbar runs on in the line direction and stays in the viewport, off the selection', () => {
    const rects = [line(100, 100, 900), line(100, 120, 400)];
    // Left to right: the first button keeps its spot at the line's end, the rest to its right.
    expect(placeButton({ rects, backward: false, rtl: false, viewport, size: 28, width: 118 })).toEqual({ left: 372, top: 144 });
    // Right to left: the first button at the line's end (its left), the toolbar runs leftwards.
    const rtl = [line(200, 100, 900), line(500, 120, 900)];
    expect(placeButton({ rects: rtl, backward: false, rtl: true, viewport, size: 28, width: 118 })).toEqual({
      left: 410,
      top: 144,
    });
    // Near the right edge, clamped so all of it shows.
    const edge = [line(100, 100, 990)];
    const spot = placeButton({ rects: edge, backward: false, rtl: false, viewport, size: 28, width: 118 });
    expect(spot.left).toBe(1000 - 118);
    expect(overlaps({ ...boxAt(spot), right: spot.left + 118 }, edge[0]!)).toBe(false);
  });
});
