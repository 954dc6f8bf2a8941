import { describe, expect, test } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { siteOf, supportedSites } from '../../src/supported-sites';

describe('supportedSites', () => {
  test('names each site once, with the parts of it that are other sites', () => {
    expect(
      supportedSites({
        content_scripts: [
          {
            matches: [
              'https://www.dawn.com/*',
              'https://images.dawn.com/*',
              'https://x.com/*',
              'https://mobile.twitter.com/*',
              'https://twitter.com/*',
              'https://old.reddit.com/*',
              'https://www.reddit.com/*',
              'http://127.0.0.1/*',
            ],
          },
        ],
      }),
    ).toEqual([
      { site: '127.0.0.1', otherHosts: [] },
      { site: 'dawn.com', otherHosts: ['images.dawn.com'] },
      { site: 'reddit.com', otherHosts: [] },
      { site: 'twitter.com', otherHosts: [] },
      { site: 'x.com', otherHosts: [] },
    ]);
  });

  test('a country second-level domain stays with its site', () => {
    expect(siteOf('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOf('tribune.com.pk')).toBe('tribune.com.pk');
    expect(siteOf('urdu.geo.tv')).toBe('geo.tv');
  });

  test('wildcard hosts (optional permissions) are not sites Footnote runs on', () => {
    expect(supportedSites({ content_scripts: [{ matches: ['https://*/*'] }] })).toEqual([]);
    expect(supportedSites({})).toEqual([]);
  });

  test('every match in the manifest is covered, and no site is listed twice', () => {
    const sites = supportedSites(manifest);
    const names = sites.map((entry) => entry.site);
    expect(new Set(names).size).toBe(names.length);
    for (const pattern of manifest.content_scripts.flatMap((script) => script.matches)) {
      const host = new URL(pattern.replace('/*', '/')).hostname;
      expect(names, pattern).toContain(siteOf(host));
    }
    expect(names).toContain('dawn.com');
  });
});
