import { describe, expect, it } from 'vitest';
import { excludePatterns, isSiteOff, normalizeSite, parseSites } from '@/utils/translate/site-list';

describe('site list', () => {
  it('normalizes what people type into a host name', () => {
    expect(normalizeSite('https://www.Example.com/a/b?c')).toBe('example.com');
    expect(normalizeSite('docs.example.com')).toBe('docs.example.com');
    expect(normalizeSite('*.example.org')).toBe('example.org');
    expect(normalizeSite('127.0.0.1:8080')).toBe('127.0.0.1');
    expect(normalizeSite('例子.中国')).toBe('xn--fsqu00a.xn--fiqs8s');
    for (const bad of ['', '   ', 'not a site!', 'http://', 'a..b']) expect(normalizeSite(bad), bad).toBeNull();
  });

  it('covers subdomains but not look-alikes', () => {
    expect(isSiteOff('docs.example.com', ['example.com'])).toBe(true);
    expect(isSiteOff('example.com', ['example.com'])).toBe(true);
    expect(isSiteOff('notexample.com', ['example.com'])).toBe(false);
    expect(isSiteOff('example.com.evil.net', ['example.com'])).toBe(false);
  });

  it('makes exclude patterns the browser accepts: subdomains for names, exact for addresses and single labels', () => {
    expect(excludePatterns(['example.com', '127.0.0.1', 'localhost'])).toEqual([
      '*://*.example.com/*',
      '*://127.0.0.1/*',
      '*://localhost/*',
    ]);
  });

  it('parses a typed list, dropping repeats, and reports the first bad line', () => {
    expect(parseSites('example.com\n\n https://www.example.com/x \nfoo.org')).toEqual({ sites: ['example.com', 'foo.org'] });
    expect(parseSites('ok.com\nnot a site!\nfine.org')).toEqual({ sites: ['ok.com'], invalid: 'not a site!' });
  });
});
