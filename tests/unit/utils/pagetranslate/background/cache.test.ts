import { describe, expect, it } from 'vitest';
import { cacheKey, readCached, writeCached } from '@/utils/pagetranslate/background/cache';

describe('page translation cache', () => {
  it('keys by text, target and model', async () => {
    const key = await cacheKey('Hello', 'zh-CN', 'gpt-4o-mini');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await cacheKey('Hello', 'ja', 'gpt-4o-mini')).not.toBe(key);
    expect(await cacheKey('Hello', 'zh-CN', 'gpt-4.1')).not.toBe(key);
    expect(await cacheKey('Hello!', 'zh-CN', 'gpt-4o-mini')).not.toBe(key);
  });

  it('drops the least recently used entries past its cap', async () => {
    await writeCached([{ key: 'a', text: 'A' }], 3, 1);
    await writeCached([{ key: 'b', text: 'B' }], 3, 2);
    await writeCached([{ key: 'c', text: 'C' }], 3, 3);
    // Reading "a" makes it the most recently used: "b" is then the oldest.
    expect(await readCached(['a', 'x'], 4)).toEqual(['A', undefined]);
    await writeCached([{ key: 'd', text: 'D' }], 3, 5);
    expect(await readCached(['a', 'b', 'c', 'd'], 6)).toEqual(['A', undefined, 'C', 'D']);
  });
});
