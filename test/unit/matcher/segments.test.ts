import { describe, expect, it } from 'vitest';
import { buildMatcher, loadMatcher } from '../../../src/matcher/index';

const matcher = buildMatcher([
  { text: 'Ali Zafar', id: 7 },
  { text: '@handle', id: 3 },
  { text: 'علی ظفر', id: 7 },
]);

describe('searchSegments', () => {
  it('finds a name split over inline elements', () => {
    // <b>Ali</b> Zafar
    expect(matcher.searchSegments(['Ali', ' Zafar'])).toEqual([
      { id: 7, startSegment: 0, startOffset: 0, endSegment: 1, endOffset: 6 },
    ]);
  });

  it('finds a handle whose @ is in its own element', () => {
    // <s>@</s><b>handle</b> said
    expect(matcher.searchSegments(['@', 'handle', ' said'])).toEqual([
      { id: 3, startSegment: 0, startOffset: 0, endSegment: 1, endOffset: 6 },
    ]);
  });

  it('ends a match in the segment holding its last character, skipping empty ones', () => {
    expect(matcher.searchSegments(['see ', '', 'Ali Za', 'far', '', '. And @han', 'dle'])).toEqual([
      { id: 7, startSegment: 2, startOffset: 0, endSegment: 3, endOffset: 3 },
      { id: 3, startSegment: 5, startOffset: 6, endSegment: 6, endOffset: 3 },
    ]);
  });

  it('joins segments with no separator', () => {
    expect(matcher.searchSegments(['Ali', 'Zafar'])).toEqual([]);
    expect(matcher.searchSegments(['x', 'Ali Zafar'])).toEqual([]);
  });

  it('works in right-to-left text', () => {
    expect(matcher.searchSegments(['گلوکار عل', 'ی ظفر'])).toEqual([
      { id: 7, startSegment: 0, startOffset: 7, endSegment: 1, endOffset: 5 },
    ]);
  });
});

describe('serialization', () => {
  it('loads a matcher that finds what the built one finds', () => {
    const text = 'Ali Zafar and @HANDLE and علي ظفر';
    const loaded = loadMatcher(matcher.serialize());
    expect(loaded.search(text)).toEqual(matcher.search(text));
    expect(loaded.search(text)).toHaveLength(3);
  });

  it('carries the failure links and table once built, so the loaded matcher builds nothing', () => {
    const prepared = buildMatcher([{ text: 'Ali Zafar', id: 7 }]);
    const bare = prepared.serialize().byteLength;
    prepared.prepareMayContain();
    const serialized = prepared.serialize();
    expect(serialized.byteLength).toBeGreaterThan(bare);
    const loaded = loadMatcher(serialized);
    expect(new Uint8Array(loaded.serialize())).toEqual(new Uint8Array(serialized));
    expect(loaded.mayContain('a post about ALI  ZAFAR')).toBe(true);
    expect(loaded.mayContain('a post about Ali')).toBe(false);
    expect(() => loadMatcher(serialized.slice(0, serialized.byteLength - 1))).toThrow(/truncated/);
  });

  it('rejects a buffer that is not a serialized matcher', () => {
    expect(() => loadMatcher(new ArrayBuffer(64))).toThrow(/rebuild/);
    expect(() => loadMatcher(new ArrayBuffer(8))).toThrow(/truncated/);
    expect(() => loadMatcher(matcher.serialize().slice(0, 100))).toThrow(/truncated/);
  });
});
