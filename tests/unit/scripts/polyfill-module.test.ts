import { createContext, runInContext } from 'node:vm';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { polyfillModule } from '@/scripts/polyfill-module';

/** The module the plugin gives for `webextension-polyfill`, run in a context with these globals. */
function run(globals: Record<string, unknown>): unknown {
  const plugin = polyfillModule() as Plugin & {
    resolveId(source: string): string | undefined;
    load(id: string): string | undefined;
  };
  const id = plugin.resolveId('webextension-polyfill');
  expect(id).toBeTruthy();
  const source = plugin.load(id!)!;
  expect(source).toMatch(/export default module\.exports;\n$/);
  const context = createContext({ ...globals });
  runInContext(`${source.replace(/export default module\.exports;\n$/, 'globalThis.exported = module.exports;')}`, context);
  return (context as { exported: unknown }).exported;
}

describe('polyfillModule', () => {
  it('leaves other imports alone', () => {
    const plugin = polyfillModule() as Plugin & { resolveId(source: string): string | undefined };
    expect(plugin.resolveId('webextension-polyfill/other')).toBeUndefined();
    expect(plugin.resolveId('wxt/browser')).toBeUndefined();
  });

  it('exports the browser’s own `browser` object itself, not a copy whose making reads every API', () => {
    const own = { runtime: { id: 'glance' } };
    const exported = run({ chrome: { runtime: { id: 'glance' } }, browser: own });
    expect(exported).toBe(own);
  });

  it('wraps `chrome` where there is no `browser`, as the package does', () => {
    const exported = run({ chrome: { runtime: { id: 'glance', lastError: null } } }) as { runtime: { id: string } };
    expect(exported.runtime.id).toBe('glance');
  });
});
