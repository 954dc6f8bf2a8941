/**
 * Social platforms whose handles the dataset records, the hosts each platform serves its pages
 * from, and what a link to a profile looks like there. A handle identifies a person only on its
 * own platform: "@ali_zafar" on Instagram is the singer, the same letters in a forum comment may
 * be anyone.
 */

export const PLATFORMS = [
  'x',
  'instagram',
  'facebook',
  'tiktok',
  'youtube',
  'threads',
  'bluesky',
] as const;

export type Platform = (typeof PLATFORMS)[number];

interface PlatformPages {
  /** Host names (and their subdomains) that serve the platform. */
  readonly hosts: readonly string[];
  /** The profile path of a handle, before the handle itself (e.g. "/@" on TikTok). */
  readonly profilePrefix: string;
}

export const PLATFORM_PAGES: Readonly<Record<Platform, PlatformPages>> = {
  x: { hosts: ['x.com', 'twitter.com'], profilePrefix: '/' },
  instagram: { hosts: ['instagram.com'], profilePrefix: '/' },
  facebook: { hosts: ['facebook.com', 'fb.com'], profilePrefix: '/' },
  tiktok: { hosts: ['tiktok.com'], profilePrefix: '/@' },
  youtube: { hosts: ['youtube.com'], profilePrefix: '/@' },
  threads: { hosts: ['threads.net', 'threads.com'], profilePrefix: '/@' },
  bluesky: { hosts: ['bsky.app'], profilePrefix: '/profile/' },
};

function servedBy(host: string, platform: Platform): boolean {
  const name = host.toLowerCase();
  return PLATFORM_PAGES[platform].hosts.some((h) => name === h || name.endsWith(`.${h}`));
}

/** The platform a page's host belongs to, if any (`www.`, `m.`, `mobile.` included). */
export function platformOfHost(host: string): Platform | undefined {
  return PLATFORMS.find((platform) => servedBy(host, platform));
}

/**
 * Whether `href` links to the profile of `handle` on `platform` (any host of the platform,
 * handle compared without case, trailing path such as "/status/1" allowed).
 */
export function isProfileLink(href: string, platform: Platform, handle: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    !servedBy(url.hostname, platform)
  ) {
    return false;
  }
  const prefix = PLATFORM_PAGES[platform].profilePrefix;
  const path = url.pathname.toLowerCase();
  if (!path.startsWith(prefix)) return false;
  const [first = ''] = path.slice(prefix.length).split('/');
  return first === handle.toLowerCase();
}
