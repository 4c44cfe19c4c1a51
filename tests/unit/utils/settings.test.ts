import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, getSettings, sanitizeSettings, updateSettings, watchSettings } from '@/utils/settings';

describe('settings', () => {
  it('returns the defaults when nothing is stored', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps other fields when one is updated, and stores them in storage.local with a version', async () => {
    await updateSettings({ model: 'gpt-4.1-mini' });
    await updateSettings({ uiLanguage: 'zh-CN' });
    expect(await getSettings()).toMatchObject({ model: 'gpt-4.1-mini', uiLanguage: 'zh-CN', provider: 'openai' });
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.settings).toMatchObject({ model: 'gpt-4.1-mini' });
    expect(stored.settings$).toEqual({ v: 1 });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('fills fields added since the value was stored, and drops damaged ones', () => {
    const damaged = { provider: 'nonexistent', model: 42, baseURL: 'https://relay.example/v1', uiLanguage: 'xx' };
    expect(sanitizeSettings(damaged)).toEqual({ ...DEFAULT_SETTINGS, baseURL: 'https://relay.example/v1' });
    expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps list settings as lists and drops what is not one (translation: sites without the button)', () => {
    expect(sanitizeSettings({ translateOffSites: ['example.com', 42, 'a.org'] }).translateOffSites).toEqual([
      'example.com',
      'a.org',
    ]);
    expect(sanitizeSettings({ translateOffSites: 'example.com' }).translateOffSites).toEqual([]);
    expect(sanitizeSettings({ translateOffSites: { 0: 'x' } }).translateOffSites).toEqual([]);
    expect(sanitizeSettings({ translateMaxChars: -5 }).translateMaxChars).toBe(DEFAULT_SETTINGS.translateMaxChars);
    expect(sanitizeSettings({ translateButton: 'yes' }).translateButton).toBe(true);
    // An older stored object (version 1, before the deadline existed) gets the default.
    expect(sanitizeSettings({ model: 'gpt-4o' }).answerDeadlineMinutes).toBe(10);
    expect(sanitizeSettings({ answerDeadlineMinutes: 0 }).answerDeadlineMinutes).toBe(1);
    expect(sanitizeSettings({ answerDeadlineMinutes: 1e9 }).answerDeadlineMinutes).toBe(120);
  });

  it('has no key field: the key is never part of the settings object', () => {
    expect(Object.keys(DEFAULT_SETTINGS).some((key) => /key|secret|token/i.test(key))).toBe(false);
  });

  it('notifies watchers with sanitized values', async () => {
    const seen: string[] = [];
    const stop = watchSettings((settings) => seen.push(settings.model));
    await updateSettings({ model: 'gpt-5-mini' });
    stop();
    await updateSettings({ model: 'ignored' });
    expect(seen).toEqual(['gpt-5-mini']);
  });
});
