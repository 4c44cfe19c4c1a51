import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The browser polyfill as an ES module. The package is CommonJS (a UMD file), and importing its
 * default the usual way makes the bundle copy every property of the object it exports onto a
 * namespace object. Where Chrome has its own `browser`, the polyfill exports that object, and
 * reading each property's descriptor builds every extension API Chrome would otherwise build on
 * first use (a CPU profile of the worker's start showed it; cold sends went from 57/58 to 53/55 ms
 * median, builds interleaved). Here the same file runs with a `module` of its own and its export
 * is taken as it is. Every build uses it; the always-on content script imports no polyfill.
 */
export function polyfillModule(): Plugin {
  const file = resolve('node_modules/webextension-polyfill/dist/browser-polyfill.js');
  const id = '\0glance:webextension-polyfill';
  return {
    name: 'glance:polyfill-module',
    enforce: 'pre',
    resolveId: (source) => (source === 'webextension-polyfill' ? id : undefined),
    load: (loaded) =>
      loaded === id
        ? `var module = { exports: {} };\nvar exports = module.exports;\n${readFileSync(file, 'utf8')}\nexport default module.exports;\n`
        : undefined,
  };
}
