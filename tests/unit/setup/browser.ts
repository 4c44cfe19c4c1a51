// Every unit test starts from an empty fake browser (storage, permissions) and empty IndexedDB.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(async () => {
  fakeBrowser.reset();
  // Deleting asks open connections to close (their `blocking` handlers do), then removes the data.
  const databases = await indexedDB.databases();
  await Promise.all(
    databases.map(
      ({ name }) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase(name!);
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    ),
  );
});
