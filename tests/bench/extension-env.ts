/**
 * Benchmarks run background modules (settings, ledger) in Node: give them WXT's fake browser as
 * the extension APIs, the way unit tests do, and an in-memory IndexedDB. Import this first.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const scope = globalThis as { browser?: unknown; chrome?: unknown };
scope.browser = fakeBrowser;
scope.chrome = fakeBrowser;
