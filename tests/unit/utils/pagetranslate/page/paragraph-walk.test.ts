// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { collectParagraphs, ParagraphWalk } from '@/utils/pagetranslate/page/collect';

const ids = (elements: Element[]) => elements.map((element) => element.id);
const all = { mainContentOnly: false };

/** Walks to the end in slices no longer than `visits` elements each (the clock says time is up every check). */
function inSlices(walk: ParagraphWalk, minimum = 0): Element[][] {
  const slices: Element[][] = [];
  while (!walk.done) slices.push(walk.next(Number.NEGATIVE_INFINITY, minimum));
  return slices;
}

describe('ParagraphWalk', () => {
  it('finds, slice by slice, what collectParagraphs finds, in the same document order (shadow content first)', () => {
    const body = Array.from(
      { length: 300 },
      (_, i) => `<section><p id="p${i}">Paragraph ${i} has words.</p><div id="h${i}"></div></section>`,
    );
    document.body.innerHTML = `${body.join('')}<ul><li id="last">The last item of the page.</li></ul>`;
    document.getElementById('h7')!.attachShadow({ mode: 'open' }).innerHTML = '<p id="shadowed">Words in a shadow tree</p>';
    const whole = ids(collectParagraphs(document.body, all));
    expect(whole.slice(6, 10)).toEqual(['p6', 'p7', 'shadowed', 'p8']);

    const slices = inSlices(new ParagraphWalk(document.body, all));
    expect(slices.length).toBeGreaterThan(5);
    expect(ids(slices.flat())).toEqual(whole);
  });

  it('goes on past the deadline until it has the minimum it was asked for', () => {
    document.body.innerHTML = Array.from(
      { length: 200 },
      (_, i) => `<div><div><p id="p${i}">Paragraph ${i} has words.</p></div></div>`,
    ).join('');
    const walk = new ParagraphWalk(document.body, all);
    expect(walk.next(Number.NEGATIVE_INFINITY, 40).length).toBeGreaterThanOrEqual(40);
    const rest = inSlices(walk).flat();
    expect(ids(rest).at(-1)).toBe('p199');
  });

  it('looks at the clock only every 64 elements and stops once the deadline has passed', () => {
    document.body.innerHTML = Array.from({ length: 2000 }, (_, i) => `<p id="p${i}">Paragraph ${i} has words.</p>`).join('');
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now++);
    const walk = new ParagraphWalk(document.body, all);
    // The clock reads 0, 1, 2…: one reading every 64 elements visited, the sixth (5) is the deadline.
    const first = walk.next(5);
    expect(first.length).toBeGreaterThanOrEqual(5 * 64);
    expect(first.length).toBeLessThan(7 * 64);
    expect(walk.done).toBe(false);
    expect(walk.next(Number.POSITIVE_INFINITY).length + first.length).toBe(2000);
    expect(walk.done).toBe(true);
    clock.mockRestore();
  });
});
