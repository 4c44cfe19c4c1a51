import { describe, expect, it, vi } from 'vitest';
import { asWholePage, readTab } from '@/utils/summary/background/page-access';

const page = { ok: true, page: { url: 'https://a.example/', markdown: 'Text', source: 'article', hasSelection: true } };

describe('reading a tab for a summary', () => {
  it('passes the "whole page, not the selection" choice to the page, and reads the selection otherwise', async () => {
    const inject = vi.fn(async () => page);
    await readTab(3, inject, true);
    await readTab(3, inject);
    expect(inject.mock.calls).toEqual([
      [3, true],
      [3, false],
    ]);
  });

  it('takes the choice from a request only as a boolean', () => {
    expect(asWholePage(true)).toBe(true);
    expect(asWholePage(undefined)).toBe(false);
    expect(() => asWholePage('yes')).toThrow();
  });
});
