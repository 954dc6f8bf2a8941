/**
 * Which post a piece of text belongs to. Site adapters are tried first (nearest match wins, so
 * a comment inside a thread is its own post); otherwise the generic rule applies: the nearest
 * article, else the nearest block (paragraph, list item, quote, cell, heading).
 */
import { SITE_ADAPTERS } from './sites/adapters';

const ADAPTER_POSTS = SITE_ADAPTERS.map((adapter) => adapter.postSelector).join(', ');
const GENERIC_ARTICLE = 'article, [role="article"]';
const GENERIC_BLOCK = 'p, li, blockquote, dd, dt, td, th, h1, h2, h3, h4, h5, h6, figcaption, div';

/** Tags whose start or end separates words even without white space in the text. */
const BLOCK_TAGS = new Set(GENERIC_BLOCK.toUpperCase().split(', ').concat(['ARTICLE', 'SECTION']));

/** Whether an element with this `tagName` starts a block (words never join across its edges). */
export function isBlockTag(tagName: string): boolean {
  return BLOCK_TAGS.has(tagName);
}

/** Whether the element is a post by a site adapter's definition. */
export function isPost(element: Element): boolean {
  return element.matches(ADAPTER_POSTS);
}

export function postOf(element: Element): Element {
  return (
    element.closest(ADAPTER_POSTS) ??
    element.closest(GENERIC_ARTICLE) ??
    element.closest(GENERIC_BLOCK) ??
    element
  );
}

/** The nearest block-level ancestor (by tag name: no layout is read). */
export function blockOf(element: Element, post: Element): Element {
  for (
    let current: Element | null = element;
    current && current !== post;
    current = current.parentElement
  ) {
    if (isBlockTag(current.tagName)) return current;
  }
  return post;
}
