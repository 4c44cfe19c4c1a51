import type { Settings } from '@/utils/settings';
import { excludePatterns, isSiteOff, normalizeSite } from '@/utils/translate/site-list';

/** A site's page-translation rule: translated on every visit, never offered, or neither. */
export type SiteRule = 'always' | 'never' | 'none';

type SiteSettings = Pick<Settings, 'pageTranslateAlwaysSites' | 'pageTranslateNeverSites'>;

/** The rule for a page's host (a site covers its subdomains; "Never" wins). */
export function siteRule(host: string, settings: SiteSettings): SiteRule {
  if (isSiteOff(host, settings.pageTranslateNeverSites)) return 'never';
  if (isSiteOff(host, settings.pageTranslateAlwaysSites)) return 'always';
  return 'none';
}

/** The lists after setting `site`'s rule (each site in at most one list). */
export function withSiteRule(site: string, rule: SiteRule, settings: SiteSettings): SiteSettings {
  const without = (list: string[]) => list.filter((entry) => entry !== site);
  return {
    pageTranslateAlwaysSites:
      rule === 'always' ? [...without(settings.pageTranslateAlwaysSites), site] : without(settings.pageTranslateAlwaysSites),
    pageTranslateNeverSites:
      rule === 'never' ? [...without(settings.pageTranslateNeverSites), site] : without(settings.pageTranslateNeverSites),
  };
}

/** Match patterns for the always-translated sites (a name covers its subdomains). */
export function alwaysPatterns(settings: SiteSettings): string[] {
  const sites = settings.pageTranslateAlwaysSites.map(normalizeSite).filter((site): site is string => !!site);
  return excludePatterns([...new Set(sites)]);
}
