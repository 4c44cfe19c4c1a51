/**
 * Sites where the Translate button is off, as the user lists them: host names, each covering its
 * subdomains ("example.com" covers "docs.example.com"). Pure; used by the settings page, the
 * background (to exclude them from the content script's registration) and the content script.
 */

/** Every web page, as host permissions and content-script matches say it. */
export const ALL_SITES = ['http://*/*', 'https://*/*'];

/**
 * A site from what the user typed or the page's host ("https://www.Example.com/a" → "example.com"),
 * or null when it is not a host name. A leading "www." is dropped: it is the same site.
 */
export function normalizeSite(input: string): string | null {
  const trimmed = input.trim().toLowerCase().replace(/^\*\./, '');
  if (!trimmed) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  return /^[a-z0-9.-]+$/.test(host) && !host.startsWith('.') && !host.includes('..') ? host : null;
}

/** Whether `host` is `site` or one of its subdomains. */
export function siteCovers(site: string, host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === site || name.endsWith(`.${site}`);
}

/** Whether the button is off on `host`. */
export function isSiteOff(host: string, sites: readonly string[]): boolean {
  return sites.some((site) => siteCovers(site, host));
}

/** Match patterns for `excludeMatches`: a name covers its subdomains; an address only itself. */
export function excludePatterns(sites: readonly string[]): string[] {
  return sites.map((site) => (/^[\d.]+$/.test(site) || !site.includes('.') ? `*://${site}/*` : `*://*.${site}/*`));
}

/** Parses a sites list typed one per line: the sites (normalized, without repeats), or the first bad line. */
export function parseSites(text: string): { sites: string[]; invalid?: string } {
  const sites: string[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const site = normalizeSite(line);
    if (!site) return { sites, invalid: line };
    if (!sites.includes(site)) sites.push(site);
  }
  return { sites };
}
