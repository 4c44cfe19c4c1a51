import { describe, expect, it, vi } from 'vitest';
import { earlyRead } from '@/utils/ui/early-read';

describe('earlyRead', () => {
  it('gives the first taker the read started early, and reads afresh after that', async () => {
    let n = 0;
    const read = vi.fn(async () => ++n);
    const value = earlyRead(read);
    value.start();
    expect(read).toHaveBeenCalledTimes(1);
    expect(await value.take()).toBe(1);
    expect(read).toHaveBeenCalledTimes(1);
    expect(await value.take()).toBe(2);
  });

  it('reads when nothing was started, and leaves an early failure to the taker', async () => {
    const failing = earlyRead(async () => {
      throw new Error('no storage');
    });
    failing.start();
    await expect(failing.take()).rejects.toThrow('no storage');
    const fresh = earlyRead(async () => 'read now');
    expect(await fresh.take()).toBe('read now');
  });
});
