import { describe, expect, it } from 'vitest';
import { buildMatcher, type MatchPattern } from '../../../src/matcher/index';

function found(patterns: readonly MatchPattern[], text: string): [string, number][] {
  return buildMatcher(patterns)
    .search(text)
    .map(({ start, end, id }) => [text.slice(start, end), id]);
}

describe('word boundaries', () => {
  const aliZafar = [{ text: 'Ali Zafar', id: 7 }];

  it('does not match inside longer words', () => {
    for (const text of ['Alizafar', 'Ali Zafarullah', 'MrAli Zafar', 'Ali Zafar2', '_Ali Zafar']) {
      expect(found(aliZafar, text)).toEqual([]);
    }
  });

  it('matches next to punctuation, possessives and the ends of the text', () => {
    for (const text of [
      'Ali Zafar',
      "Ali Zafar's song",
      '(Ali Zafar)',
      '"Ali Zafar."',
      '#Ali Zafar',
    ]) {
      expect(found(aliZafar, text)).toEqual([['Ali Zafar', 7]]);
    }
  });

  it('applies to Urdu words', () => {
    const urdu = [{ text: 'علی ظفر', id: 7 }];
    expect(found(urdu, 'علی ظفراللہ')).toEqual([]);
    expect(found(urdu, 'محمدعلی ظفر')).toEqual([]);
    expect(found(urdu, 'گلوکار علی ظفر، اور')).toEqual([['علی ظفر', 7]]);
    expect(found(urdu, 'علی ظفر۔')).toEqual([['علی ظفر', 7]]);
  });

  it('needs no boundaries in scripts written without spaces', () => {
    expect(found([{ text: '习近平', id: 1 }], '我见习近平了')).toEqual([['习近平', 1]]);
  });
});

describe('handles', () => {
  const handle = [{ text: '@AliZafarSays', id: 3 }];

  it('matches a whole handle in any case', () => {
    expect(found(handle, 'cc @alizafarsays, (@ALIZAFARSAYS) @AliZafarSays.')).toEqual([
      ['@alizafarsays', 3],
      ['@ALIZAFARSAYS', 3],
      ['@AliZafarSays', 3],
    ]);
  });

  it('does not match inside a longer handle or an e-mail address', () => {
    for (const text of [
      '@alizafarsays2',
      '@alizafarsays_',
      '@alizafarsays.fan',
      'me@alizafarsays.com',
    ]) {
      expect(found(handle, text)).toEqual([]);
    }
  });

  it('is not matched by the bare word', () => {
    expect(found(handle, 'alizafarsays')).toEqual([]);
  });
});

describe('overlapping and shared patterns', () => {
  it('prefers the longest of the patterns starting at the same place', () => {
    const patterns = [
      { text: 'Ali', id: 1 },
      { text: 'Ali Zafar', id: 2 },
    ];
    expect(found(patterns, 'Ali Zafar met Ali Zafarullah')).toEqual([
      ['Ali Zafar', 2],
      ['Ali', 1],
    ]);
  });

  it('reports non-overlapping matches, leftmost first', () => {
    const patterns = [
      { text: 'Ali Zafar', id: 1 },
      { text: 'Zafar Khan', id: 2 },
    ];
    expect(found(patterns, 'Ali Zafar Khan')).toEqual([['Ali Zafar', 1]]);
  });

  it('reports each person once even when several of their spellings fold alike', () => {
    const patterns = [
      { text: 'Díaz', id: 1 },
      { text: 'DIAZ', id: 1 },
    ];
    expect(found(patterns, 'Diaz')).toEqual([['Diaz', 1]]);
  });

  it('reports every person who shares the exact name', () => {
    const patterns = [
      { text: 'Ali Khan', id: 4 },
      { text: 'ali khan', id: 2 },
    ];
    expect(found(patterns, 'Ali Khan')).toEqual([
      ['Ali Khan', 2],
      ['Ali Khan', 4],
    ]);
  });

  it('skips patterns that fold to nothing and rejects bad ids', () => {
    expect(found([{ text: ' \u200B ', id: 1 }], 'anything')).toEqual([]);
    expect(() => buildMatcher([{ text: 'Ali', id: -1 }])).toThrow(RangeError);
    expect(() => buildMatcher([{ text: 'Ali', id: 1.5 }])).toThrow(RangeError);
  });
});
