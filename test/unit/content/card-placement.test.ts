import { describe, expect, test } from 'vitest';
import { placeCard } from '../../../src/content/card-placement';

const view = { width: 1280, height: 800 };
const card = { width: 384, height: 300 };
/** A 16 px badge with its top-left corner at (left, top). */
const badgeAt = (left: number, top: number) => ({
  left,
  top,
  right: left + 16,
  bottom: top + 16,
});

describe('placeCard', () => {
  test('goes below its badge, lined up with it, when there is room', () => {
    expect(placeCard(badgeAt(100, 100), card, view, false)).toEqual({
      left: 100,
      top: 122,
      maxHeight: 800 - 116 - 6 - 8,
    });
  });

  test('flips above when only above has room', () => {
    const { top } = placeCard(badgeAt(100, 700), card, view, false);
    expect(top + card.height).toBe(700 - 6);
  });

  test('stays below, capped to the room there, when neither side fits and below has more', () => {
    const tall = { width: 384, height: 900 };
    expect(placeCard(badgeAt(100, 300), tall, view, false)).toEqual({
      left: 100,
      top: 322,
      maxHeight: 800 - 316 - 6 - 8,
    });
  });

  test('moves sideways to stay inside the viewport, from either edge', () => {
    expect(placeCard(badgeAt(1270, 100), card, view, false).left).toBe(1280 - 8 - 384);
    expect(placeCard(badgeAt(0, 100), card, view, true).left).toBe(8);
  });

  test('lines up its right edge with the badge in a right-to-left interface', () => {
    expect(placeCard(badgeAt(600, 100), card, view, true).left).toBe(616 - 384);
  });

  test('on a viewport too short for either side, keeps a readable height inside the viewport', () => {
    const short = { width: 360, height: 200 };
    const placed = placeCard(badgeAt(10, 90), { width: 344, height: 600 }, short, false);
    expect(placed.maxHeight).toBe(120);
    expect(placed.top).toBeGreaterThanOrEqual(8);
    expect(placed.top + placed.maxHeight).toBeLessThanOrEqual(200 - 8);
  });
});
