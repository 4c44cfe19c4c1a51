import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin, UserConfig } from 'vite';

/** Where the background's on-demand chunks are written, beside `background.js`. */
const CHUNK_FOLDER = 'background-chunks';
/** The loader's global, read by every chunk. */
const LOADER = '__glanceChunks';

/**
 * The loader at the top of `background.js`. A Manifest V3 service worker cannot `import()`, and
 * `importScripts()` is allowed only while the worker is evaluated or installing, for files it has
 * not imported then. So every chunk is imported once while the worker installs (the browser keeps
 * them with the worker, across restarts), and afterwards each is imported again, from that copy,
 * the first time the code asks for it. A chunk only defines a function when it is imported; its
 * code runs when required, once (a chunk whose code throws is run again by the next require).
 */
export function loaderSource(chunks: readonly string[]): string {
  return `var ${LOADER} = (function (chunks) {
  var factories = {}, modules = {};
  function resolve(from, spec) {
    var parts = from.split('/');
    parts.pop();
    spec.split('/').forEach(function (part) {
      if (part === '..') parts.pop();
      else if (part !== '.') parts.push(part);
    });
    return parts.join('/');
  }
  function load(path) {
    if (modules[path]) return modules[path].exports;
    if (!factories[path]) importScripts('/' + path);
    var module = (modules[path] = { exports: {} });
    try {
      factories[path](module, module.exports, function (spec) { return load(resolve(path, spec)); });
    } catch (error) {
      delete modules[path];
      throw error;
    }
    return module.exports;
  }
  self.addEventListener('install', function () {
    chunks.forEach(function (path) { if (!factories[path]) importScripts('/' + path); });
  });
  return { define: function (path, factory) { factories[path] = factory; }, load: load };
})(${JSON.stringify(chunks)});
`;
}

/** A chunk's CommonJS code as a function the loader runs on demand. */
function defined(path: string, code: string): string {
  return `${LOADER}.define(${JSON.stringify(path)}, function (module, exports, require) {\n${code}\n});\n`;
}

/** The chunks a chunk requires as it runs (not those it loads on demand), and theirs, once each. */
function startChunks(entry: OutputChunk, byName: Map<string, OutputChunk>): OutputChunk[] {
  const found = new Map<string, OutputChunk>();
  const visit = (chunk: OutputChunk) => {
    for (const name of chunk.imports) {
      const dependency = byName.get(name);
      if (!dependency || found.has(name)) continue;
      found.set(name, dependency);
      visit(dependency);
    }
  };
  visit(entry);
  return [...found.values()];
}

/**
 * Rewrites the CommonJS build into `background.js` and its on-demand chunks. What every start needs
 * (the entry and the chunks it requires as it runs) is written into `background.js`, one file for
 * the browser to read; each other chunk defines itself in a file of its own.
 */
export function wrapBundle(bundle: OutputBundle): void {
  const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');
  const entry = chunks.find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('glance: the background build has no entry');
  const inEntry = startChunks(entry, new Map(chunks.map((chunk) => [chunk.fileName, chunk])));
  for (const chunk of inEntry) delete bundle[chunk.fileName];
  const lazy = chunks.filter((chunk) => chunk !== entry && !inEntry.includes(chunk));
  for (const chunk of lazy) chunk.code = defined(chunk.fileName, chunk.code);
  entry.code = [
    loaderSource(lazy.map((chunk) => chunk.fileName)),
    ...inEntry.map((chunk) => defined(chunk.fileName, chunk.code)),
    defined(entry.fileName, entry.code),
    `${LOADER}.load(${JSON.stringify(entry.fileName)});\n`,
  ].join('');
}

/**
 * Splits Chrome's background: what it needs only for some features (their actions, the
 * tokenizer) is written as chunks it loads on first use, so that a stopped worker starts by
 * evaluating only what every start needs. Firefox's background page keeps one file.
 */
export function backgroundChunks(config: UserConfig): Plugin {
  const lib = config.build?.lib;
  const output = config.build?.rollupOptions?.output;
  if (!lib || !output || Array.isArray(output)) throw new Error('glance: expected WXT to build the background as a library');
  lib.formats = ['cjs'];
  Object.assign(output, {
    chunkFileNames: `${CHUNK_FOLDER}/[name]-[hash].js`,
    // Everything a start needs stays in background.js, loaded by the browser as one file.
    codeSplitting: { groups: [{ name: 'background', tags: ['$initial'] }] },
  });
  return {
    name: 'glance:background-chunks',
    enforce: 'post',
    generateBundle(_options, bundle) {
      wrapBundle(bundle as unknown as OutputBundle);
    },
  };
}
