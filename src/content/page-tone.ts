/**
 * Whether the page is light or dark where a badge goes, read from the page itself rather than
 * from the system's colour scheme: a light page in a dark-themed system (or X's black theme in
 * a light one) needs the badge colours of the page it is on to keep 3:1 contrast.
 */

export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

export type PageTone = 'light' | 'dark';

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };

/** The badge's colour (fill or outline) on a page of each tone. */
export const BADGE_INK: Record<PageTone, Rgba> = {
  light: { r: 61, g: 77, b: 183, a: 1 },
  dark: { r: 185, g: 193, b: 255, a: 1 },
};

export const cssColour = ({ r, g, b }: Rgba): string => `rgb(${r}, ${g}, ${b})`;

/** Reads a computed `rgb()`/`rgba()` colour; undefined for anything else. */
export function parseRgb(value: string): Rgba | undefined {
  const inside = /^rgba?\(([^)]+)\)$/.exec(value.trim())?.[1];
  const channels = (inside ?? '')
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  if (channels.length < 3 || channels.some(Number.isNaN)) return undefined;
  const [r = 0, g = 0, b = 0, a = 1] = channels;
  return { r, g, b, a };
}

/** `top` painted over an opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** WCAG 2 relative luminance. */
export function luminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/** The tone whose badge ink stands out more from `background`. */
export function toneFor(background: Rgba): PageTone {
  return contrastRatio(BADGE_INK.light, background) >= contrastRatio(BADGE_INK.dark, background)
    ? 'light'
    : 'dark';
}

/**
 * The colour behind `element`: the backgrounds of it and its ancestors up to the first opaque
 * one, composited, over white when none is opaque. Background images are not read.
 */
export function backgroundAt(element: Element | null): Rgba {
  const layers: Rgba[] = [];
  for (let at = element; at !== null; at = at.parentElement) {
    const view = at.ownerDocument.defaultView;
    const colour = view ? parseRgb(view.getComputedStyle(at).backgroundColor) : undefined;
    if (colour === undefined || colour.a === 0) continue;
    layers.push(colour);
    if (colour.a === 1) break;
  }
  return layers.reduceRight((below, layer) => over(layer, below), WHITE);
}
