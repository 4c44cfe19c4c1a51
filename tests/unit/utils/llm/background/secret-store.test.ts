import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cleanKey, getApiKey, keyHint, setApiKey } from '@/utils/llm/background/secret-store';

describe('secret store', () => {
  it('keeps one key per provider in IndexedDB, never in browser storage', async () => {
    await setApiKey('openai', 'sk-openai-1234567890abcd');
    await setApiKey('deepseek', 'sk-deepseek-0987654321');
    expect(await getApiKey('openai')).toBe('sk-openai-1234567890abcd');
    expect(await getApiKey('deepseek')).toBe('sk-deepseek-0987654321');
    expect(await getApiKey('moonshot')).toBe('');
    const everything = JSON.stringify([
      await fakeBrowser.storage.local.get(null),
      await fakeBrowser.storage.sync.get(null),
      await fakeBrowser.storage.session.get(null),
    ]);
    expect(everything).not.toContain('sk-openai');
  });

  it('trims pasted spaces and newlines and a copied Bearer prefix', async () => {
    expect(cleanKey('  sk-abc123\n')).toBe('sk-abc123');
    expect(cleanKey('Bearer sk-abc123')).toBe('sk-abc123');
    expect(cleanKey('sk-abc\r\n123 ')).toBe('sk-abc123');
    await setApiKey('openai', '\tsk-pasted-key-0000000000\n');
    expect(await getApiKey('openai')).toBe('sk-pasted-key-0000000000');
  });

  it('forgets a key set to empty', async () => {
    await setApiKey('openai', 'sk-something-long-enough');
    await setApiKey('openai', '   ');
    expect(await getApiKey('openai')).toBe('');
  });

  it('hints only the last four characters', () => {
    expect(keyHint('sk-proj-abcdefghijklmnop')).toBe('…mnop');
    expect(keyHint('short')).toBe('…');
    expect(keyHint('')).toBe('');
  });
});
