/**
 * Footnote's UI in a page lives in closed shadow roots on hosts whose own box is pinned with
 * inline `!important` styles: page CSS can neither reach inside nor move the host, and
 * Footnote's CSS cannot leak out.
 */
export function createShadowHost(
  document: Document,
  tagName: string,
  hostStyle: string,
  css: string,
): { host: HTMLElement; shadow: ShadowRoot } {
  const host = document.createElement(tagName);
  host.setAttribute('style', hostStyle);
  // Open only in the local build, so browser tests can look inside.
  const shadow = host.attachShadow({ mode: __FOOTNOTE_TEST_HOOKS__ ? 'open' : 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  shadow.append(style);
  return { host, shadow };
}

/** Builds an element with text content only: nothing from a page or the dataset is HTML. */
export function element<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  created.append(...children);
  return created;
}
