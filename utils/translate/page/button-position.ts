/** A rectangle in viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where a selection is, as the selection button's placement needs it. */
export interface PlacementInput {
  /** The selection's line boxes, in document order (at least one). */
  rects: readonly Box[];
  /** The user selected towards the start (the end they finished at is the first line). */
  backward: boolean;
  /** The text runs right to left, so a line ends at its left edge. */
  rtl: boolean;
  viewport: { width: number; height: number };
  /** The button's width and height. */
  size: number;
  /**
   * The toolbar's width when the button leads a toolbar (default `size`): the button keeps its
   * spot by the selection's end and the toolbar runs on in the line's direction.
   */
  width?: number;
  /** More boxes not to cover: the page's own controls under the toolbar (its actions script finds them). */
  avoid?: readonly Box[];
}

const GAP = 4;

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Pure: where the selection button goes. Next to the end the user finished at (under the last
 * line, or over the first for a backward selection), in the viewport, and never over a selected
 * line; failing that, beside the selection; failing that, clamped into the viewport.
 */
export function placeButton({ rects, backward, rtl, viewport, size, width = size, avoid = [] }: PlacementInput): {
  left: number;
  top: number;
} {
  const first = rects[0]!;
  const last = rects[rects.length - 1]!;
  const bounds = rects.reduce((box, r) => ({
    left: Math.min(box.left, r.left),
    top: Math.min(box.top, r.top),
    right: Math.max(box.right, r.right),
    bottom: Math.max(box.bottom, r.bottom),
  }));
  const endX = (line: Box) => (rtl ? line.left + size - width : line.right - size);
  const startX = (line: Box) => (rtl ? line.right - width : line.left);
  const below = { left: backward ? startX(last) : endX(last), top: last.bottom + GAP };
  const above = { left: backward ? startX(first) : endX(first), top: first.top - GAP - size };
  const clamp = (spot: { left: number; top: number }) => ({
    left: Math.round(Math.min(Math.max(spot.left, 0), Math.max(0, viewport.width - width))),
    top: Math.round(Math.min(Math.max(spot.top, 0), Math.max(0, viewport.height - size))),
  });
  const candidates = [
    ...(backward ? [above, below] : [below, above]),
    { left: bounds.right + GAP, top: (backward ? first : last).top },
    { left: bounds.left - GAP - width, top: (backward ? first : last).top },
  ].map(clamp);
  const free = (spot: { left: number; top: number }) => {
    const box = { left: spot.left, top: spot.top, right: spot.left + width, bottom: spot.top + size };
    return ![...rects, ...avoid].some((r) => overlaps(box, r));
  };
  return candidates.find(free) ?? candidates[0]!;
}
