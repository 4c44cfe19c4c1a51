import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/utils/errors';
import { mapParts, type CallHooks } from '@/utils/summary/map-reduce';

const tick = (ms = 2) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fake model client: records how many calls are in flight; each part can be scripted to fail. */
function fakeClient(script: (index: number, attempt: number, hooks: CallHooks) => Promise<void> | void = () => {}) {
  let active = 0;
  const peaks: number[] = [];
  const calls: [number, number][] = [];
  const call = async (index: number, attempt: number, hooks: CallHooks) => {
    calls.push([index, attempt]);
    active += 1;
    peaks.push(active);
    try {
      await tick(1 + (index % 3));
      await script(index, attempt, hooks);
      if (hooks.signal.aborted) throw new AppError('aborted');
      return `notes ${index}`;
    } finally {
      active -= 1;
    }
  };
  return { call, calls, peak: () => Math.max(0, ...peaks), peaks };
}

describe('mapParts', () => {
  it('never has more calls in flight than the bound, and returns results in part order', async () => {
    const client = fakeClient();
    const progress = vi.fn();
    const results = await mapParts({
      total: 12,
      concurrency: 4,
      call: client.call,
      signal: new AbortController().signal,
      onProgress: progress,
    });
    expect(client.peak()).toBe(4);
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => ({ ok: true, text: `notes ${i}` })));
    expect(progress).toHaveBeenCalledTimes(12);
    expect(progress).toHaveBeenLastCalledWith(12, 12);
  });

  it('retries a failed part once, then reports it (the others still finish)', async () => {
    const client = fakeClient((index, attempt) => {
      if (index === 2) throw new AppError('server_error');
      if (index === 5 && attempt === 0) throw new AppError('interrupted');
    });
    const results = await mapParts({ total: 8, concurrency: 3, call: client.call, signal: new AbortController().signal });
    expect(client.calls.filter(([index]) => index === 2)).toEqual([
      [2, 0],
      [2, 1],
    ]);
    expect(client.calls.filter(([index]) => index === 5)).toEqual([
      [5, 0],
      [5, 1],
    ]);
    expect(results[2]).toMatchObject({ ok: false, error: { code: 'server_error' } });
    expect(results[5]).toEqual({ ok: true, text: 'notes 5' });
    expect(results.filter((result) => result.ok)).toHaveLength(7);
    expect(client.calls).toHaveLength(10);
  });

  it('stops everything on an error no retry can fix, aborting the calls in flight', async () => {
    const signals: AbortSignal[] = [];
    const client = fakeClient(async (index, _attempt, hooks) => {
      signals.push(hooks.signal);
      if (index === 1) throw new AppError('quota_exceeded');
      await tick(20);
    });
    await expect(
      mapParts({ total: 10, concurrency: 4, call: client.call, signal: new AbortController().signal }),
    ).rejects.toMatchObject({
      code: 'quota_exceeded',
    });
    expect(signals.every((signal) => signal.aborted)).toBe(true);
    await tick(30);
    expect(client.calls.length).toBeLessThanOrEqual(5);
  });

  it("rejects with 'aborted' when the user stops", async () => {
    const controller = new AbortController();
    const client = fakeClient(async () => {
      await tick(50);
    });
    const running = mapParts({ total: 6, concurrency: 2, call: client.call, signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(running).rejects.toMatchObject({ code: 'aborted' });
  });

  it('backs off on rate limits: fewer calls at once, a pause, and the part tried again without using its retry', async () => {
    let limited = false;
    const startedAfterLimit: number[] = [];
    let active = 0;
    const client = fakeClient(async (index, attempt) => {
      if (index === 3 && attempt === 0 && !limited) {
        limited = true;
        throw new AppError('rate_limited', { retryAfterMs: 30 });
      }
    });
    const call = async (index: number, attempt: number, hooks: CallHooks) => {
      active += 1;
      if (limited) startedAfterLimit.push(active);
      try {
        return await client.call(index, attempt, hooks);
      } finally {
        active -= 1;
      }
    };
    const started = Date.now();
    const results = await mapParts({ total: 16, concurrency: 4, call, signal: new AbortController().signal });
    expect(results.every((result) => result.ok)).toBe(true);
    // Part 3 was called twice, both as its first attempt: a rate limit is not the part's failure.
    expect(client.calls.filter(([index]) => index === 3)).toEqual([
      [3, 0],
      [3, 0],
    ]);
    // Right after the 429, at most half as many calls ran at once.
    expect(Math.max(...startedAfterLimit.slice(0, 2))).toBeLessThanOrEqual(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('halves the calls in flight when a call reports a rate-limited retry of its own', async () => {
    const client = fakeClient((index, _attempt, hooks) => {
      if (index === 0) hooks.onRateLimit(0);
    });
    await mapParts({ total: 20, concurrency: 4, call: client.call, signal: new AbortController().signal });
    // The first four start at once; after part 0's report the limit is 2, so the fifth call waits
    // until only one is left in flight. Successes then ramp back up to the bound.
    expect(client.peaks.slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(client.peaks[4]).toBeLessThanOrEqual(2);
    expect(client.peaks.slice(8)).toContain(4);
  });
});
