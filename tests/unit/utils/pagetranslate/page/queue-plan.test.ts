import { describe, expect, it } from 'vitest';
import { BatchQueue, endOfPage, IDLE_FLUSH_MS, paragraphTokens, planBatch, topUp } from '@/utils/pagetranslate/page/queue-plan';
import { BATCH_PARAGRAPHS, MAX_BATCH_PARAGRAPHS } from '@/utils/pagetranslate/types';

interface Item {
  index: number;
  text: string;
  inView: boolean;
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const item = (index: number, text = words(20), inView = false): Item => ({ index, text, inView });
const tokensOf = (items: Item[]) => items.reduce((sum, each) => sum + paragraphTokens(each.text), 0);

describe('the page translation queue', () => {
  it('waits for a full batch while nothing queued is on screen, then sends at once for one that is', () => {
    const queue = new BatchQueue<Item>();
    queue.push(item(1), 1000);
    expect(queue.take(1100)).toEqual({ waitMs: IDLE_FLUSH_MS - 100 });
    const onScreen = item(2, words(20), true);
    queue.push(onScreen, 1100);
    const next = queue.take(1150);
    expect(next && 'batch' in next && next.batch.map((each) => each.index)).toEqual([2, 1]);
    expect(next && 'fill' in next && next.fill).toBe(true);
  });

  it('sends the first batch after the user asked without waiting for it to fill, once', () => {
    const queue = new BatchQueue<Item>();
    queue.hurry();
    expect(queue.take(0)).toBeUndefined();
    queue.push(item(1), 1000);
    const first = queue.take(1001);
    expect(first && 'batch' in first && first.fill).toBe(true);
    queue.push(item(2), 1002);
    expect(queue.take(1003)).toEqual({ waitMs: IDLE_FLUSH_MS - 1 });
  });

  it('sends a queue left alone, unfilled and without topping it up', () => {
    const queue = new BatchQueue<Item>();
    queue.push(item(1), 0);
    expect(queue.take(IDLE_FLUSH_MS)).toEqual({ batch: [item(1)], fill: false });
  });
});

describe('planning a batch', () => {
  const sizes = (queue: Item[], maxTokens?: number) => {
    const taken: number[] = [];
    while (queue.length) taken.push(planBatch(queue, (each) => each.text, maxTokens).length);
    return taken;
  };

  it('takes a batch of paragraphs, and the few left behind along with it rather than in a request of their own', () => {
    const few = (n: number) => Array.from({ length: n }, (_, i) => item(i + 1, words(5)));
    expect(sizes(few(BATCH_PARAGRAPHS + 2))).toEqual([BATCH_PARAGRAPHS + 2]);
    expect(sizes(few(MAX_BATCH_PARAGRAPHS))).toEqual([MAX_BATCH_PARAGRAPHS]);
    expect(sizes(few(MAX_BATCH_PARAGRAPHS + 1))).toEqual([BATCH_PARAGRAPHS, MAX_BATCH_PARAGRAPHS + 1 - BATCH_PARAGRAPHS]);
  });

  it('leaves the rest behind when taking it would pass the batch tokens', () => {
    const queue = Array.from({ length: BATCH_PARAGRAPHS + 2 }, (_, i) => item(i + 1, words(5)));
    const limit = tokensOf(queue.slice(0, BATCH_PARAGRAPHS + 1));
    expect(sizes(queue, limit)).toEqual([BATCH_PARAGRAPHS, 2]);
  });
});

describe('topping up a short batch', () => {
  it('adds the paragraphs after it in page order, up to the batch size, skipping those not admitted', () => {
    const all = Array.from({ length: 200 }, (_, i) => item(i + 1));
    const batch = topUp([all[4]!, all[2]!], all, (candidate) => candidate.index !== 7, 600);
    const added = batch.slice(2).map((each) => each.index);
    expect(added[0]).toBe(6);
    expect(added).not.toContain(7);
    expect(added.every((index) => index > 5)).toBe(true);
    expect(tokensOf(batch)).toBeGreaterThanOrEqual(600 - paragraphTokens(words(20)));
    expect(tokensOf(batch)).toBeLessThanOrEqual(600 + paragraphTokens(words(20)));
  });

  it('tells admit how much room is left, and stops at the paragraph limit', () => {
    const all = Array.from({ length: 200 }, (_, i) => item(i + 1, 'short'));
    const rooms: number[] = [];
    const batch = topUp([all[0]!], all, (_, room) => {
      rooms.push(room);
      return true;
    });
    expect(batch).toHaveLength(BATCH_PARAGRAPHS);
    expect(rooms[1]).toBeLessThan(rooms[0]!);
  });

  it('gives up after a batch worth of refusals (a page whose followers are all in the target language)', () => {
    const all = Array.from({ length: 5000 }, (_, i) => item(i + 1));
    let asked = 0;
    topUp([all[0]!], all, () => {
      asked += 1;
      return false;
    });
    expect(asked).toBe(BATCH_PARAGRAPHS);
  });
});

describe('the end of a page', () => {
  const paragraph = (index: number, state: string) => ({ index, state });

  it('is near when the paragraphs after a batch still waiting to come near would fit in it', () => {
    const batch = [paragraph(88, 'queued'), paragraph(89, 'queued')];
    const few = [...batch, paragraph(90, 'idle'), paragraph(91, 'skipped'), paragraph(92, 'idle')];
    expect(endOfPage(batch, few)).toBe(true);
    // Those before the batch (read already, or hidden up the page) do not count.
    const before = Array.from({ length: 100 }, (_, i) => paragraph(i, 'idle'));
    expect(endOfPage(batch, [...before, ...few])).toBe(true);
  });

  it('is not, when more are left than the batch has room for: those wait for the reader', () => {
    const batch = [paragraph(10, 'queued')];
    const many = Array.from({ length: BATCH_PARAGRAPHS }, (_, i) => paragraph(11 + i, 'idle'));
    expect(endOfPage(batch, [...batch, ...many])).toBe(false);
    expect(endOfPage(batch, [...batch, ...many.slice(1)])).toBe(true);
  });
});
