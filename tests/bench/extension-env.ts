/**
 * Benchmarks run background modules (settings, ledger) in Node: give them WXT's fake browser as
 * the extension APIs, the way unit tests do, and an in-memory IndexedDB. Import this first.
 */
import * as fakeIndexedDb from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const scope = globalThis as { browser?: unknown; chrome?: unknown };
scope.browser = fakeBrowser;
scope.chrome = fakeBrowser;
// On globalThis itself: 'fake-indexeddb/auto' would pick a `window` that an earlier benchmark of
// the same run left behind (a jsdom one), and the background modules would find no IndexedDB.
const { default: _factory, ...indexedDbGlobals } = fakeIndexedDb;
Object.assign(globalThis, indexedDbGlobals);
