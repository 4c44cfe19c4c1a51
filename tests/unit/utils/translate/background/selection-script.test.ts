import { describe, expect, it, vi } from 'vitest';
import {
  notifyOpenPages,
  registrationFor,
  selectionSettingsChanged,
  syncSelectionScript,
  type ScriptingApi,
} from '@/utils/translate/background/selection-script';
import { PROTOCOL_TAG } from '@/utils/protocol';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';

type Registered = Parameters<ScriptingApi['registerContentScripts']>[0][number];

/** The browser's registry of dynamic content scripts, as far as these calls go. */
function fakeScripting() {
  let scripts: Registered[] = [];
  const api = {
    getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) =>
      scripts.filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    ),
    registerContentScripts: vi.fn(async (list: Registered[]) => {
      for (const script of list) {
        if (scripts.some((s) => s.id === script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      }
      scripts = [...scripts, ...list.map((s) => structuredClone(s))];
    }),
    updateContentScripts: vi.fn(async () => {}),
    unregisterContentScripts: vi.fn(async (filter?: { ids?: string[] }) => {
      scripts = scripts.filter((s) => filter?.ids && !filter.ids.includes(s.id));
    }),
  };
  return { api: api as unknown as ScriptingApi, calls: api, scripts: () => scripts };
}

const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });

describe('registrationFor', () => {
  it('registers the button script for every web page, every frame, at document_idle', () => {
    expect(registrationFor(settings())).toEqual({
      id: 'glance-selection',
      js: ['content-scripts/content.js'],
      matches: ['http://*/*', 'https://*/*'],
      allFrames: true,
      matchOriginAsFallback: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  });

  it('registers nothing when the button is off', () => {
    expect(registrationFor(settings({ translateButton: false }))).toBeNull();
  });

  it('excludes the sites where the button is off, skipping names the browser would reject', () => {
    const registration = registrationFor(
      settings({ translateOffSites: ['example.com', 'not a site!', '127.0.0.1', 'example.com'] }),
    );
    expect(registration?.excludeMatches).toEqual(['*://*.example.com/*', '*://127.0.0.1/*']);
  });
});

describe('syncSelectionScript', () => {
  it('registers, re-registers on a change, leaves an identical registration alone, and unregisters when off', async () => {
    const { api, calls, scripts } = fakeScripting();
    await syncSelectionScript(settings(), api);
    expect(scripts()).toHaveLength(1);
    await syncSelectionScript(settings(), api);
    expect(calls.registerContentScripts).toHaveBeenCalledTimes(1);

    await syncSelectionScript(settings({ translateOffSites: ['example.com'] }), api);
    expect(scripts()[0]!.excludeMatches).toEqual(['*://*.example.com/*']);
    await syncSelectionScript(settings({ translateOffSites: [] }), api);
    expect(scripts()[0]!.excludeMatches).toBeUndefined();

    await syncSelectionScript(settings({ translateButton: false }), api);
    expect(scripts()).toEqual([]);
    await syncSelectionScript(settings({ translateButton: false }), api);
    expect(calls.unregisterContentScripts).toHaveBeenCalledTimes(3);
  });

  it('runs one sync at a time, so a change arriving during start-up does not register twice', async () => {
    const { api, scripts } = fakeScripting();
    await Promise.all([
      syncSelectionScript(settings(), api),
      syncSelectionScript(settings(), api),
      syncSelectionScript(settings(), api),
    ]);
    expect(scripts()).toHaveLength(1);
  });
});

describe('notifyOpenPages and selectionSettingsChanged', () => {
  it('tells every tab, ignoring tabs without the script', async () => {
    const sendMessage = vi.fn(async (tabId: number) => {
      if (tabId === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const tabs = { query: vi.fn(async () => [{ id: 1 }, { id: 2 }, {}]), sendMessage };
    await notifyOpenPages(tabs as never);
    expect(sendMessage.mock.calls).toEqual([
      [1, { protocol: PROTOCOL_TAG, event: 'pageSettingsChanged' }],
      [2, { protocol: PROTOCOL_TAG, event: 'pageSettingsChanged' }],
    ]);
  });

  it('reacts to the button, its sites and the interface language only', () => {
    const base = settings();
    expect(selectionSettingsChanged(undefined, base)).toBe(true);
    expect(selectionSettingsChanged(base, settings({ translateButton: false }))).toBe(true);
    expect(selectionSettingsChanged(base, settings({ translateOffSites: ['a.com'] }))).toBe(true);
    expect(selectionSettingsChanged(base, settings({ uiLanguage: 'zh-CN' }))).toBe(true);
    expect(selectionSettingsChanged(base, settings({ model: 'gpt-4.1-mini', translateInto: 'ja' }))).toBe(false);
  });
});
