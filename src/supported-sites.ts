/**
 * The sites Footnote runs on by default, read from the manifest's content-script matches at run
 * time (the welcome and options pages show them), so the manifest stays the only list.
 *
 * Pure: the caller passes `runtime.getManifest()`; tested in Node.
 */

/** One site as a reader names it (`dawn.com`), with the host names it covers. */
export interface SupportedSite {
  readonly site: string;
  /** Host names other than the site itself and its `www.`, mobile and `old.` forms. */
  readonly otherHosts: readonly string[];
}

interface ManifestWithScripts {
  readonly content_scripts?: readonly { readonly matches?: readonly string[] }[];
}

// Prefixes that name the same site, not another part of it.
const SAME_SITE_PREFIX = /^(?:www|m|mobile|old)\./;
// `bbc.co.uk`, `tribune.com.pk`: a short second-level label under a country code.
const COUNTRY_SECOND_LEVEL = /^(?:co|com|org|net|gov|edu|ac)$/;

/** `images.dawn.com` → `dawn.com`; `www.bbc.co.uk` → `bbc.co.uk`; an IP address stays whole. */
export function siteOf(host: string): string {
  if (/^[\d.]+$/.test(host)) return host;
  const labels = host.split('.');
  const keep =
    labels.length >= 3 &&
    /^[a-z]{2}$/.test(labels.at(-1) ?? '') &&
    COUNTRY_SECOND_LEVEL.test(labels.at(-2) ?? '')
      ? 3
      : 2;
  return labels.slice(-keep).join('.');
}

/** Host of a match pattern like `https://www.dawn.com/*`; undefined for wildcard hosts. */
function hostOf(pattern: string): string | undefined {
  const match = /^(?:https?|\*):\/\/([^/*]+)\//.exec(pattern);
  return match?.[1];
}

/** The sites in the manifest's content-script matches, sorted by name. */
export function supportedSites(manifest: ManifestWithScripts): SupportedSite[] {
  const hostsBySite = new Map<string, Set<string>>();
  for (const script of manifest.content_scripts ?? []) {
    for (const pattern of script.matches ?? []) {
      const host = hostOf(pattern);
      if (host === undefined) continue;
      const site = siteOf(host);
      const hosts = hostsBySite.get(site) ?? new Set<string>();
      if (host.replace(SAME_SITE_PREFIX, '') !== site) hosts.add(host);
      hostsBySite.set(site, hosts);
    }
  }
  return [...hostsBySite]
    .map(([site, hosts]) => ({ site, otherHosts: [...hosts].sort() }))
    .sort((a, b) => a.site.localeCompare(b.site));
}
