import { describe, expect, it } from 'vitest';
import { alwaysPatterns, siteRule, withSiteRule } from '@/utils/pagetranslate/sites';

const none = { pageTranslateAlwaysSites: [] as string[], pageTranslateNeverSites: [] as string[] };

describe('page translation site rules', () => {
  it('covers subdomains, and "never" wins', () => {
    const settings = { pageTranslateAlwaysSites: ['example.com'], pageTranslateNeverSites: ['private.example.com'] };
    expect(siteRule('docs.example.com', settings)).toBe('always');
    expect(siteRule('private.example.com', settings)).toBe('never');
    expect(siteRule('example.org', settings)).toBe('none');
  });

  it('keeps each site in one list at most', () => {
    const always = withSiteRule('example.com', 'always', none);
    expect(always).toEqual({ pageTranslateAlwaysSites: ['example.com'], pageTranslateNeverSites: [] });
    const never = withSiteRule('example.com', 'never', always);
    expect(never).toEqual({ pageTranslateAlwaysSites: [], pageTranslateNeverSites: ['example.com'] });
    expect(withSiteRule('example.com', 'none', never)).toEqual(none);
  });

  it('registers the starter for the always sites only', () => {
    expect(alwaysPatterns(none)).toEqual([]);
    expect(alwaysPatterns({ ...none, pageTranslateAlwaysSites: ['example.com', '127.0.0.1', 'bad site'] })).toEqual([
      '*://*.example.com/*',
      '*://127.0.0.1/*',
    ]);
  });
});
