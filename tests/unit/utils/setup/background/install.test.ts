import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setApiKey } from '@/utils/llm/background/secret-store';
import { onInstalledSetup } from '@/utils/setup/background/feature';

const welcomeTabs = async () => (await fakeBrowser.tabs.query({})).filter((tab) => tab.url?.endsWith('/welcome.html'));

describe('on install', () => {
  it('opens the welcome page on a new install without a key, and badges the icon', async () => {
    await onInstalledSetup('install', Promise.resolve());
    expect(await welcomeTabs()).toHaveLength(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  it('opens nothing on an update or a browser update, even without a key', async () => {
    await onInstalledSetup('update', Promise.resolve());
    await onInstalledSetup('chrome_update', Promise.resolve());
    expect(await welcomeTabs()).toHaveLength(0);
  });

  it('opens nothing when a key is already there once the install work is done (a development preset)', async () => {
    const preset = setApiKey('openai', 'sk-dev-preset-000000000000');
    await onInstalledSetup('install', preset);
    expect(await welcomeTabs()).toHaveLength(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
