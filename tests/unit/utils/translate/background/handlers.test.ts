import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translateHandlers } from '@/utils/translate/background/handlers';
import { getSettings } from '@/utils/settings';

/** Runs openSettings as the background does for a content script in tab 7. */
async function openSettings(section?: 'translate' | 'usage') {
  const handler = translateHandlers.openSettings;
  const settings = await getSettings();
  return handler.handle(handler.parse(section ? { section } : {}), {
    sender: 'content-script',
    tab: { id: 7, frameId: 0 },
    settings,
    locale: 'en',
    deps: {},
  });
}

const settingsTabs = async () =>
  (await fakeBrowser.tabs.query({})).filter((tab) => tab.url?.startsWith(fakeBrowser.runtime.getURL('/options.html')));

describe('openSettings', () => {
  it('opens at most one settings tab however often a page asks, and focuses it again after', async () => {
    await Promise.all(Array.from({ length: 25 }, () => openSettings()));
    expect(await settingsTabs()).toHaveLength(1);
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await openSettings('usage');
    const tabs = await settingsTabs();
    expect(tabs).toHaveLength(1);
    expect(update).toHaveBeenCalledWith(tabs[0]!.id, { active: true, url: expect.stringMatching(/options\.html#usage$/) });
  });

  it('opens a new one when the one it opened is gone', async () => {
    // The fake browser starts empty again: the tab the last test opened no longer exists.
    await openSettings('translate');
    expect((await settingsTabs()).map((t) => t.url)).toEqual([expect.stringMatching(/options\.html#translate$/)]);
  });
});
