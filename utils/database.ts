import { openDB, type IDBPDatabase, type OpenDBCallbacks } from 'idb';

/**
 * One of the extension's IndexedDB databases, opened on first use and kept open. When another
 * context wants to upgrade or delete it, or the browser closes it, the connection is let go and
 * the next use opens it again. `upgrade` gets the old version and the upgrade's transaction, so a
 * new version can add to existing stores and keep their data.
 */
export function lazyDatabase(
  name: string,
  version: number,
  upgrade: NonNullable<OpenDBCallbacks<unknown>['upgrade']>,
): () => Promise<IDBPDatabase> {
  let database: Promise<IDBPDatabase> | undefined;
  return () => {
    database ??= openDB(name, version, {
      upgrade,
      blocking(_current, _next, event) {
        (event.target as IDBDatabase).close();
        database = undefined;
      },
      terminated() {
        database = undefined;
      },
    });
    return database;
  };
}
