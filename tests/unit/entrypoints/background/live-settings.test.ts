import { describe, expect, it, vi } from 'vitest';
import { liveSettings } from '@/entrypoints/background/live-settings';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';

/** A settings store whose reads are counted and whose changes are reported to the watcher. */
function setup(failFirst = false) {
  let stored: Settings = { ...DEFAULT_SETTINGS, model: 'gpt-4o-mini' };
  let failing = failFirst;
  const read = vi.fn(async () => {
    if (failing) {
      failing = false;
      throw new Error('storage unavailable');
    }
    return stored;
  });
  const watchers: ((settings: Settings) => void)[] = [];
  const settings = liveSettings(read, (callback) => watchers.push(callback));
  return {
    settings,
    read,
    change(next: Partial<Settings>) {
      stored = { ...stored, ...next };
      for (const watcher of watchers) watcher(stored);
    },
  };
}

describe('liveSettings', () => {
  it('reads once as the worker starts, and answers every later call with that read', async () => {
    const { settings, read } = setup();
    expect(read).toHaveBeenCalledTimes(1);
    expect((await settings()).model).toBe('gpt-4o-mini');
    expect((await settings()).model).toBe('gpt-4o-mini');
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('answers with each change as storage reports it, without reading again', async () => {
    const { settings, read, change } = setup();
    change({ model: 'gpt-4.1' });
    expect((await settings()).model).toBe('gpt-4.1');
    change({ model: 'deepseek-chat', provider: 'deepseek' });
    expect(await settings()).toMatchObject({ model: 'deepseek-chat', provider: 'deepseek' });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('keeps a change reported while the first read was still on its way', async () => {
    const { settings, change } = setup();
    change({ model: 'gpt-4.1' });
    expect((await settings()).model).toBe('gpt-4.1');
  });

  it('reads again after a failed read instead of keeping the failure', async () => {
    const { settings, read } = setup(true);
    await expect(settings()).rejects.toThrow('storage unavailable');
    expect((await settings()).model).toBe('gpt-4o-mini');
    expect(read).toHaveBeenCalledTimes(2);
  });
});
