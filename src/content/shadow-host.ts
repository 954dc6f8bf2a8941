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

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Footnote's mark (icons/footnote.svg without its tile: a line of text and a superscript one),
 * drawn in `currentColor` so the badge and the card colour it for the background it sits on.
 */
export function footnoteMark(document: Document): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '18 16 96 96');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('fill', 'currentColor');
  const shapes: [string, Record<string, string>][] = [
    ['rect', { x: '24', y: '70', width: '54', height: '14', rx: '7' }],
    ['rect', { x: '24', y: '94', width: '80', height: '14', rx: '7', opacity: '0.75' }],
    ['path', { d: 'M84 34 L98 22 H108 V66 H95 V40 L87 46 Z' }],
  ];
  for (const [tag, attributes] of shapes) {
    const shape = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) shape.setAttribute(name, value);
    svg.append(shape);
  }
  return svg;
}
