// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getLocale, setLocale } from '@/utils/i18n';
import { updateSettings } from '@/utils/settings';
import { prefetchSettings, useSettings } from '@/utils/ui/use-settings';

// In jsdom the real `wxt/browser` loads build tooling that cannot run there: the fake browser stands in.
vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

beforeEach(() => {
  setLocale('en', { documentLang: false });
});

describe('useSettings', () => {
  it('uses the read prefetchSettings started, once; a later hook reads again', async () => {
    await updateSettings({ model: 'gpt-5-mini' });
    const read = vi.spyOn(fakeBrowser.storage.local, 'get');
    prefetchSettings();
    // The storage library reads after a tick of its own.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const reads = read.mock.calls.length;
    expect(reads).toBeGreaterThan(0);
    const { result } = renderHook(() => useSettings());
    await waitFor(() => expect(result.current?.model).toBe('gpt-5-mini'));
    expect(read.mock.calls.length).toBe(reads);
    const second = renderHook(() => useSettings());
    await waitFor(() => expect(second.result.current?.model).toBe('gpt-5-mini'));
    expect(read.mock.calls.length).toBeGreaterThan(reads);
  });

  it('switches the locale with the interface-language setting, kept live', async () => {
    const { result } = renderHook(() => useSettings());
    await waitFor(() => expect(result.current).toBeDefined());
    expect(getLocale()).toBe('en');
    await updateSettings({ uiLanguage: 'zh-CN' });
    await waitFor(() => expect(result.current?.uiLanguage).toBe('zh-CN'));
    expect(getLocale()).toBe('zh-CN');
  });
});
