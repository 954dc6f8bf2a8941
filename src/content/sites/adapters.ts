/**
 * Site adapters: what a "post" is on each supported site, as data. A post is the unit that gets
 * context (one badge per person per post, relevance judged per post). Selectors go stale when a
 * site changes its markup; the generic rule in posts.ts still finds the nearest block then.
 *
 * Every adapter has a fixture page, test/fixtures/pages/sites/<name>.html, in that site's style
 * (a meta-test checks it).
 */
export interface SiteAdapter {
  readonly name: string;
  /** Matches the element that holds one post, comment or story. */
  readonly postSelector: string;
}

export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  { name: 'x', postSelector: 'article[data-testid="tweet"]' },
  {
    name: 'reddit',
    // New Reddit (web components), the 2019 redesign, and old.reddit.com.
    postSelector: 'shreddit-post, shreddit-comment, [data-testid="comment"], .thing',
  },
  { name: 'facebook', postSelector: '[role="article"]' },
  { name: 'youtube', postSelector: 'ytd-comment-thread-renderer, ytd-comment-view-model' },
  { name: 'instagram', postSelector: 'article[role="presentation"], article' },
  { name: 'mastodon', postSelector: '.status' },
  { name: 'hackernews', postSelector: '.athing' },
  // Threads marks each post's pressable container; Bluesky names feed items and thread posts.
  { name: 'threads', postSelector: 'div[data-pressable-container="true"]' },
  {
    name: 'bluesky',
    postSelector: '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]',
  },
];
