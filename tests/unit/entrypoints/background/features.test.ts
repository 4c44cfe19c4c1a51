import { describe, expect, it } from 'vitest';
import { COMMANDS, FEATURES, MENU_ITEMS, actions, handlers } from '@/entrypoints/background/features';
import { actionCode } from '@/utils/background/action';
import { handlerCode, type HandlerRegistry } from '@/utils/background/handler';
import type { MessageName } from '@/utils/protocol';
import config from '@/wxt.config';

/** The manifest wxt.config.ts writes, for Chromium and Firefox. */
async function manifestFor(browser: 'chrome' | 'firefox') {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts manifest is expected to be a function');
  return manifest({ browser, mode: 'production', manifestVersion: browser === 'chrome' ? 3 : 2, command: 'build' });
}

describe('the feature list', () => {
  it('names each feature once', () => {
    const names = FEATURES.map((feature) => feature.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('builds the maps from every feature: each handler and action comes from exactly one feature', () => {
    const handlerNames = FEATURES.flatMap((feature) => Object.keys('handlers' in feature ? feature.handlers : {}));
    const actionNames = FEATURES.flatMap((feature) => Object.keys('actions' in feature ? feature.actions : {}));
    expect(Object.keys(handlers).sort()).toEqual([...handlerNames].sort());
    expect(Object.keys(actions).sort()).toEqual([...actionNames].sort());
    expect(new Set(handlerNames).size).toBe(handlerNames.length);
  });

  it('gives every context-menu item its own id', () => {
    const ids = MENU_ITEMS.map((item) => item.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(['chrome', 'firefox'] as const)(
    'declares in the %s manifest exactly the shortcuts the features handle',
    async (browser) => {
      const manifest = await manifestFor(browser);
      expect(Object.keys(manifest.commands ?? {}).sort()).toEqual(Object.keys(COMMANDS).sort());
    },
  );
});

describe('what loads on demand', () => {
  it('declares for each on-demand action the senders and the lifetime its code has', async () => {
    const onDemand = Object.entries(actions).filter(([, entry]) => 'load' in entry);
    expect(onDemand.map(([name]) => name)).toEqual(expect.arrayContaining(['summarize', 'translate', 'transcribe']));
    for (const [name, entry] of onDemand) {
      const code = await actionCode(entry);
      expect({ name, allowedFrom: entry.allowedFrom, keepOnDisconnect: entry.keepOnDisconnect }).toEqual({
        name,
        allowedFrom: code.allowedFrom,
        keepOnDisconnect: code.keepOnDisconnect,
      });
      expect(typeof code.run).toBe('function');
    }
  });

  it('loads for each on-demand handler a handler of that message', async () => {
    const onDemand = Object.entries(handlers).filter(([, entry]) => typeof entry === 'function');
    expect(onDemand.map(([name]) => name)).toEqual(expect.arrayContaining(['getUsage', 'transcribeEstimate', 'takePanelAction']));
    for (const [name, entry] of onDemand) {
      const code = await handlerCode(entry as HandlerRegistry[MessageName]);
      expect({ name, handle: typeof code?.handle, parse: typeof code?.parse }).toEqual({
        name,
        handle: 'function',
        parse: 'function',
      });
    }
  });
});
