import { browser } from 'wxt/browser';

/**
 * One value in `storage.local` or `storage.session`, with its fallback, read and written where it
 * is used. It reads nothing until asked: every page, content script and worker start that imports
 * the settings would otherwise pay a storage read per item before its first real one (the browser
 * answers them in turn, so the read a page waits for queued behind them).
 */
export interface StorageItem<T> {
  /** `area:name`, as in `local:settings`. */
  readonly key: string;
  /** The stored value, or the fallback when there is none. */
  getValue(): Promise<T>;
  /** Stores `value` (with the item's version, if it has one); null removes it. */
  setValue(value: T | null): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls `callback` when another write changes the value; returns the way to stop. */
  watch(callback: (newValue: T, oldValue: T) => void): () => void;
}

/** Turns the value stored at version N - 1 into version N. */
export type Migrations<T> = Record<number, (old: T) => T>;

export interface StorageItemOptions<T> {
  fallback: T;
  /**
   * The version of the value's shape, stored beside it under `name$` as `{ v }` (a value stored
   * without one is version 1). A value read at an older version goes through `migrations` and is
   * stored again.
   */
  version?: number;
  migrations?: Migrations<T>;
}

type Area = 'local' | 'session';

/** Same stored value: what storage holds is JSON, so its text compares it. */
const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function storageItem<T>(key: `${Area}:${string}`, options: StorageItemOptions<T>): StorageItem<T> {
  const [areaName, name] = key.split(/:(.*)/s) as [Area, string];
  const area = () => browser.storage[areaName];
  const metaName = `${name}$`;
  const { fallback, version, migrations = {} } = options;
  const migrating = version !== undefined && Object.keys(migrations).length > 0;

  /** The stored value at `version`, migrated (and stored again) when it was older. */
  const migrated = async (value: T, storedVersion: number): Promise<T> => {
    if (version === undefined || storedVersion >= version) return value;
    let next = value;
    for (let step = storedVersion + 1; step <= version; step += 1) next = migrations[step]?.(next) ?? next;
    await area().set({ [name]: next, [metaName]: { v: version } });
    return next;
  };

  return {
    key,
    async getValue() {
      // With migrations, the version comes in the same read.
      const stored = await area().get(migrating ? [name, metaName] : name);
      const value = stored[name] as T | undefined | null;
      if (value == null) return fallback;
      if (!migrating) return value;
      const meta = stored[metaName] as { v?: unknown } | undefined;
      return migrated(value, typeof meta?.v === 'number' ? meta.v : 1);
    },
    async setValue(value) {
      if (value == null) return area().remove(name);
      await area().set(version === undefined ? { [name]: value } : { [name]: value, [metaName]: { v: version } });
    },
    removeValue: () => area().remove(name),
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
        const change = changes[name];
        if (!change || sameValue(change.newValue, change.oldValue)) return;
        callback((change.newValue ?? fallback) as T, (change.oldValue ?? fallback) as T);
      };
      area().onChanged.addListener(listener);
      return () => area().onChanged.removeListener(listener);
    },
  };
}
