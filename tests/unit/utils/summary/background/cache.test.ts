import { describe, expect, it } from 'vitest';
import {
  appendToThread,
  cacheKey,
  contentHash,
  getCachedSummary,
  MAX_ENTRIES,
  putCachedSummary,
  touchCachedSummary,
} from '@/utils/summary/background/cache';

const entry = (key: string, now: number) => ({
  key,
  url: 'https://a.example/p#x',
  contentHash: 'h',
  title: 'P',
  language: 'en',
  text: `summary ${key}`,
  usage: null,
  now,
});

describe('summary cache', { timeout: 30_000 }, () => {
  it('keys by URL (without fragment), content hash and language', async () => {
    const hash = await contentHash('page text');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await contentHash('page text!')).not.toBe(hash);
    expect(cacheKey('https://a.example/p#one', hash, 'en')).toBe(cacheKey('https://a.example/p#two', hash, 'en'));
    expect(cacheKey('https://a.example/p', hash, 'en')).not.toBe(cacheKey('https://a.example/p', hash, 'zh-CN'));
    expect(cacheKey('https://a.example/p?id=1', hash, 'en')).not.toBe(cacheKey('https://a.example/p?id=2', hash, 'en'));
  });

  it('returns a stored summary (a hit), keeps its thread when regenerated', async () => {
    expect(await getCachedSummary('k')).toBeNull();
    await putCachedSummary(entry('k', 1000));
    expect(await getCachedSummary('k')).toMatchObject({
      text: 'summary k',
      url: 'https://a.example/p',
      createdAt: 1000,
      thread: [],
    });
    await appendToThread('k', [
      { role: 'user', content: 'Q' },
      { role: 'assistant', content: 'A' },
    ]);
    await putCachedSummary({ ...entry('k', 2000), text: 'new summary' });
    expect(await getCachedSummary('k')).toMatchObject({
      text: 'new summary',
      createdAt: 2000,
      thread: [{ content: 'Q' }, { content: 'A' }],
    });
    await appendToThread('missing', [{ role: 'user', content: 'Q' }]);
    expect(await getCachedSummary('missing')).toBeNull();
  });

  it(`keeps the ${MAX_ENTRIES} most recently used`, async () => {
    for (let i = 0; i < MAX_ENTRIES; i++) await putCachedSummary(entry(`k${i}`, 1000 + i));
    await touchCachedSummary('k0', 10_000);
    await putCachedSummary(entry('newest', 20_000));
    expect(await getCachedSummary('k0')).not.toBeNull();
    expect(await getCachedSummary('k1')).toBeNull();
    expect(await getCachedSummary('k2')).not.toBeNull();
    expect(await getCachedSummary('newest')).not.toBeNull();
  });
});
