import { describe, expect, test } from 'vitest';
import { BADGE_INK, contrastRatio, parseRgb, toneFor } from '../../../src/content/page-tone';

const rgb = (hex: string) => ({
  r: parseInt(hex.slice(1, 3), 16),
  g: parseInt(hex.slice(3, 5), 16),
  b: parseInt(hex.slice(5, 7), 16),
  a: 1,
});

describe('page tone', () => {
  test('reads computed rgb() and rgba() colours, and nothing else', () => {
    expect(parseRgb('rgb(21, 32, 43)')).toEqual({ r: 21, g: 32, b: 43, a: 1 });
    expect(parseRgb('rgba(0, 0, 0, 0.03)')).toEqual({ r: 0, g: 0, b: 0, a: 0.03 });
    expect(parseRgb('rgb(0 0 0 / 0.5)')).toEqual({ r: 0, g: 0, b: 0, a: 0.5 });
    expect(parseRgb('oklch(0.5 0.1 200)')).toBeUndefined();
    expect(parseRgb('transparent')).toBeUndefined();
  });

  test('contrast follows WCAG 2', () => {
    expect(contrastRatio(rgb('#ffffff'), rgb('#000000'))).toBeCloseTo(21);
    expect(contrastRatio(rgb('#777777'), rgb('#ffffff'))).toBeCloseTo(4.48, 2);
  });

  test.each([
    ['#ffffff', 'light'],
    ['#f7f9f9', 'light'],
    ['#15202b', 'dark'],
    ['#000000', 'dark'],
  ] as const)('on %s the badge takes its %s-page ink, at 3:1 or more', (background, tone) => {
    expect(toneFor(rgb(background))).toBe(tone);
    expect(contrastRatio(BADGE_INK[tone], rgb(background))).toBeGreaterThanOrEqual(3);
  });
});
