import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storageItem } from '@/utils/storage-item';

describe('storageItem', () => {
  it('reads nothing until asked', () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    storageItem('local:probe', { fallback: 0 });
    storageItem('local:shaped', { fallback: {}, version: 2, migrations: { 2: (old) => old } });
    expect(get).not.toHaveBeenCalled();
  });

  it('gives the fallback until a value is stored, and again once it is removed', async () => {
    const item = storageItem<{ at: number }>('session:probe', { fallback: { at: 0 } });
    expect(await item.getValue()).toEqual({ at: 0 });
    await item.setValue({ at: 5 });
    expect(await item.getValue()).toEqual({ at: 5 });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ probe: { at: 5 } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await item.setValue(null);
    expect(await item.getValue()).toEqual({ at: 0 });
    await item.setValue({ at: 6 });
    await item.removeValue();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('stores its version beside the value, and reads a current value and its version in one read', async () => {
    const item = storageItem<Record<string, unknown>>('local:shaped', {
      fallback: {},
      version: 2,
      migrations: { 2: (old) => ({ ...old, renamed: old.name }) },
    });
    await item.setValue({ renamed: 'kept' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ shaped: { renamed: 'kept' }, shaped$: { v: 2 } });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await item.getValue()).toEqual({ renamed: 'kept' });
    expect(get).toHaveBeenCalledTimes(1);
    expect(set).not.toHaveBeenCalled();
  });

  it('migrates an older value through each step and stores the result at the current version', async () => {
    // Stored before versions existed: version 1.
    await fakeBrowser.storage.local.set({ shaped: { name: 'old' } });
    const item = storageItem<Record<string, unknown>>('local:shaped', {
      fallback: {},
      version: 3,
      migrations: {
        2: ({ name, ...rest }) => ({ ...rest, title: name }),
        3: (old) => ({ ...old, steps: 2 }),
      },
    });
    expect(await item.getValue()).toEqual({ title: 'old', steps: 2 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ shaped: { title: 'old', steps: 2 }, shaped$: { v: 3 } });
    // Already migrated: read as stored.
    expect(await item.getValue()).toEqual({ title: 'old', steps: 2 });
  });

  it('tells watchers of changes to its own value only, with the fallback for a missing one', async () => {
    const item = storageItem('local:watched', { fallback: 'none' });
    const other = storageItem('local:other', { fallback: 'none' });
    const seen: [string, string][] = [];
    const stop = item.watch((next, previous) => seen.push([next, previous]));
    await item.setValue('a');
    await other.setValue('b');
    // The same value written again is no change.
    await item.setValue('a');
    await item.removeValue();
    stop();
    await item.setValue('c');
    expect(seen).toEqual([
      ['a', 'none'],
      ['none', 'a'],
    ]);
  });
});
