// Code passed to `page.evaluate` / `worker.evaluate` runs inside the browser, where the
// extension APIs are the `chrome` global.
declare const chrome: typeof import('wxt/browser').browser;
