import { createContext, runInContext } from 'node:vm';
import type { OutputBundle, OutputChunk } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { wrapBundle } from '@/scripts/background-chunks';

const chunk = (fileName: string, code: string, imports: string[] = [], isEntry = false) =>
  ({ type: 'chunk', fileName, code, imports, isEntry }) as unknown as OutputChunk;

/**
 * A CommonJS build as the bundler writes it: the entry requires the code every start needs from a
 * chunk, and loads a feature's chunk on demand; that chunk uses the start chunk's module.
 */
function commonJsBuild(): OutputBundle {
  const files = [
    chunk(
      'background.js',
      `const start = require("./background-chunks/background-A.js");
       start.counter.starts += 1;
       globalThis.app = { start, feature: () => Promise.resolve().then(() => require("./background-chunks/feature-B.js")) };`,
      ['background-chunks/background-A.js'],
      true,
    ),
    chunk('background-chunks/background-A.js', 'exports.counter = { starts: 0, features: 0 };'),
    chunk(
      'background-chunks/feature-B.js',
      'const start = require("./background-A.js"); start.counter.features += 1; exports.counter = start.counter;',
      ['background-chunks/background-A.js'],
    ),
  ];
  return Object.fromEntries(files.map((file) => [file.fileName, file])) as OutputBundle;
}

/**
 * Chrome's rule for a service worker's `importScripts`: any file while the worker is evaluated for
 * the first time or installing; afterwards, only the files it imported then (kept by the browser).
 */
class FakeWorker {
  readonly imported: string[] = [];
  private installListeners: (() => void)[] = [];
  private installing = true;

  constructor(
    private readonly files: Record<string, string>,
    private readonly installed: Set<string>,
  ) {}

  /** Starts the worker: evaluates background.js, then runs the install event on a first start. */
  start(firstInstall: boolean) {
    this.installing = firstInstall;
    const scope: Record<string, unknown> = {
      importScripts: (path: string) => {
        const file = path.replace(/^\//, '');
        if (!this.installing && !this.installed.has(file)) throw new Error(`importScripts() of new scripts: ${file}`);
        this.installed.add(file);
        this.imported.push(file);
        runInContext(this.files[file]!, context);
      },
      addEventListener: (type: string, listener: () => void) => {
        if (type === 'install') this.installListeners.push(listener);
      },
    };
    scope.self = scope;
    scope.globalThis = scope;
    const context = createContext(scope);
    runInContext(this.files['background.js']!, context);
    if (firstInstall) for (const listener of this.installListeners) listener();
    this.installing = false;
    return scope as { app: { start: { counter: { starts: number } }; feature(): Promise<{ counter: unknown }> } };
  }
}

describe('wrapBundle', () => {
  it('writes what every start needs into background.js and leaves each on-demand chunk in its own file', () => {
    const bundle = commonJsBuild();
    wrapBundle(bundle);
    expect(Object.keys(bundle).sort()).toEqual(['background-chunks/feature-B.js', 'background.js']);
    const entry = (bundle['background.js'] as OutputChunk).code;
    expect(entry).toContain('exports.counter = { starts: 0, features: 0 }');
    expect(entry).not.toContain('start.counter.features += 1');
  });

  it('runs the entry once, and an on-demand chunk once, sharing the start code’s modules', async () => {
    const bundle = commonJsBuild();
    wrapBundle(bundle);
    const files = Object.fromEntries(Object.values(bundle).map((file) => [file.fileName, (file as OutputChunk).code]));
    const worker = new FakeWorker(files, new Set(['background.js']));
    const { app } = worker.start(true);
    expect(app.start.counter).toEqual({ starts: 1, features: 0 });
    // The install event imported the feature's chunk: the browser keeps it with the worker.
    expect(worker.imported).toEqual(['background-chunks/feature-B.js']);

    const feature = await app.feature();
    expect(feature.counter).toBe(app.start.counter);
    expect(app.start.counter).toEqual({ starts: 1, features: 1 });
    await app.feature();
    expect(app.start.counter).toEqual({ starts: 1, features: 1 });
    expect(worker.imported).toEqual(['background-chunks/feature-B.js']);
  });

  it('loads an on-demand chunk in a restarted worker from the copy kept at install', async () => {
    const bundle = commonJsBuild();
    wrapBundle(bundle);
    const files = Object.fromEntries(Object.values(bundle).map((file) => [file.fileName, (file as OutputChunk).code]));
    const installed = new Set(['background.js']);
    new FakeWorker(files, installed).start(true);

    const restarted = new FakeWorker(files, installed);
    const { app } = restarted.start(false);
    expect(restarted.imported).toEqual([]);
    const feature = await app.feature();
    expect(feature.counter).toEqual({ starts: 1, features: 1 });
    expect(restarted.imported).toEqual(['background-chunks/feature-B.js']);
  });

  it('runs a chunk whose code threw again at the next require, instead of handing out its half-made module', async () => {
    const bundle = commonJsBuild();
    const feature = bundle['background-chunks/feature-B.js'] as OutputChunk;
    feature.code = `if (!globalThis.failedOnce) { globalThis.failedOnce = true; throw new Error('disk hiccup'); }\n${feature.code}`;
    wrapBundle(bundle);
    const files = Object.fromEntries(Object.values(bundle).map((file) => [file.fileName, (file as OutputChunk).code]));
    const { app } = new FakeWorker(files, new Set(['background.js'])).start(true);
    await expect(app.feature()).rejects.toThrow('disk hiccup');
    expect((await app.feature()).counter).toEqual({ starts: 1, features: 1 });
  });
});
