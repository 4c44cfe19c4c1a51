import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setApiKey } from '@/utils/llm/background/secret-store';
import { connectionReadyItem, updateSettings } from '@/utils/settings';
import { isConnectionReady, refreshConnectionState } from '@/utils/setup/background/state';

const badge = () => fakeBrowser.action.getBadgeText({});

describe('the connection state', () => {
  it('is ready with a key, or for a provider that needs none', () => {
    expect(isConnectionReady('openai', false)).toBe(false);
    expect(isConnectionReady('openai', true)).toBe(true);
    expect(isConnectionReady('ollama', false)).toBe(true);
  });

  it('badges the icon until the current provider has a key, and again once the key is removed', async () => {
    expect(await refreshConnectionState()).toBe(false);
    expect(await badge()).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toBe('Glance: connect your API key');
    expect(await connectionReadyItem.getValue()).toBe(false);

    await setApiKey('openai', 'sk-test-0000000000000000');
    expect(await refreshConnectionState()).toBe(true);
    expect(await badge()).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Glance');
    expect(await connectionReadyItem.getValue()).toBe(true);

    // A key belongs to its provider: switching to one without a key asks again.
    await updateSettings({ provider: 'deepseek' });
    expect(await refreshConnectionState()).toBe(false);
    expect(await badge()).toBe('!');

    await updateSettings({ provider: 'openai' });
    await setApiKey('openai', '');
    expect(await refreshConnectionState()).toBe(false);
    expect(await badge()).toBe('!');
  });

  it('titles the badge in the interface language', async () => {
    await updateSettings({ uiLanguage: 'zh-CN' });
    await refreshConnectionState();
    expect(await fakeBrowser.action.getTitle({})).toBe('Glance：连接你的 API 密钥');
  });
});
