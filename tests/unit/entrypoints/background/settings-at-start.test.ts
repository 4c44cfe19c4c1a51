import { describe, expect, it, vi } from 'vitest';
import { FRESH_MS, settingsFromStart } from '@/entrypoints/background/settings-at-start';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';

/** A settings store whose reads are counted, and a clock the test moves. */
function setup() {
  let stored: Settings = { ...DEFAULT_SETTINGS, model: 'gpt-4o-mini' };
  const read = vi.fn(async () => stored);
  const watchers: (() => void)[] = [];
  let clock = 1_000;
  const settings = settingsFromStart(
    read,
    (callback) => watchers.push(callback),
    () => clock,
  );
  return {
    settings,
    read,
    change(next: Partial<Settings>) {
      stored = { ...stored, ...next };
      for (const watcher of watchers) watcher();
    },
    advance(ms: number) {
      clock += ms;
    },
  };
}

describe('settingsFromStart', () => {
  it('reads once as the worker starts, and hands that read to what asks in its first moments', async () => {
    const { settings, read } = setup();
    expect(read).toHaveBeenCalledTimes(1);
    expect((await settings()).model).toBe('gpt-4o-mini');
    expect((await settings()).model).toBe('gpt-4o-mini');
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('reads again once a change is seen: nothing is answered with settings older than the change', async () => {
    const { settings, read, change } = setup();
    change({ model: 'gpt-4.1' });
    expect((await settings()).model).toBe('gpt-4.1');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads again after its first moments, changed or not', async () => {
    const { settings, read, advance } = setup();
    advance(FRESH_MS);
    await settings();
    expect(read).toHaveBeenCalledTimes(2);
  });
});
