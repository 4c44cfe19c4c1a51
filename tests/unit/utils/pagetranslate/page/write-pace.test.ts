import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WRITE_EVERY_MS, WritePace } from '@/utils/pagetranslate/page/write-pace';

describe('pacing the writes of streamed translations', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setUp() {
    const written: string[][] = [];
    let round: string[] = [];
    const pace = new WritePace<string>(
      (item) => round.push(item),
      () => Date.now(),
    );
    const take = () => {
      if (round.length) written.push(round);
      round = [];
      return written.splice(0);
    };
    return { pace, take };
  }

  it('writes the first delta at once, then what arrives meanwhile together, at most every WRITE_EVERY_MS', () => {
    const { pace, take } = setUp();
    pace.add('a');
    expect(take()).toEqual([['a']]);
    pace.add('a');
    pace.add('b');
    pace.add('a');
    expect(take()).toEqual([]);
    vi.advanceTimersByTime(WRITE_EVERY_MS);
    expect(take()).toEqual([['a', 'b']]);
    // After a pause, the next delta goes at once again.
    vi.advanceTimersByTime(WRITE_EVERY_MS * 3);
    pace.add('c');
    expect(take()).toEqual([['c']]);
  });

  it('writes what is due when asked (a request ended), and nothing after a cancel', () => {
    const { pace, take } = setUp();
    pace.add('a');
    expect(take()).toEqual([['a']]);
    pace.add('b');
    expect(take()).toEqual([]);
    pace.flush();
    expect(take()).toEqual([['b']]);
    pace.add('c');
    pace.cancel();
    vi.advanceTimersByTime(WRITE_EVERY_MS * 2);
    expect(take()).toEqual([]);
  });
});
