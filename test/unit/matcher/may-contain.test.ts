import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generateNames } from '../../../bench/corpus';
import { buildMatcher, loadMatcher } from '../../../src/matcher';

describe('mayContain', () => {
  const matcher = buildMatcher([
    { text: 'Ali Zafar', id: 0 },
    { text: 'میشا شفیع', id: 1 },
  ]);

  test('says yes where search finds a name, folded as search folds it', () => {
    expect(matcher.mayContain('a post about ALI  ZAFAR today')).toBe(true);
    expect(matcher.mayContain('میشا شفیع نے کہا')).toBe(true);
  });

  test('says yes even without word boundaries, so joined text from blocks is never ruled out', () => {
    expect(matcher.mayContain('UserAli Zafarsaid')).toBe(true);
  });

  test('reads long texts whole, after shorter ones', () => {
    expect(matcher.mayContain('short')).toBe(false);
    expect(matcher.mayContain(`${'filler text '.repeat(5_000)}Ali Zafar`)).toBe(true);
  });

  test('says no where no name occurs at all', () => {
    expect(matcher.mayContain('Ali and Zafar, separately')).toBe(false);
    expect(matcher.mayContain('')).toBe(false);
  });

  test('is never "no" where search finds something', () => {
    const words = fc.constantFrom('Ali', 'Zafar', 'ali zafar', 'x', ' ', '\n', 'میشا', 'شفیع', '.');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        if (matcher.search(text).length > 0) expect(matcher.mayContain(text)).toBe(true);
      }),
    );
  });
});

describe('occurrencesUpTo', () => {
  const matcher = buildMatcher([
    { text: 'Ali Zafar', id: 0 },
    { text: 'Zafar', id: 0 },
    { text: 'Meesha Shafi', id: 1 },
  ]);

  test('counts occurrences that do not overlap, boundaries ignored', () => {
    expect(matcher.occurrencesUpTo('Ali Zafar and Meesha Shafi', 2)).toBe(2);
    expect(matcher.occurrencesUpTo('Ali ZafarMeesha Shafi', 2)).toBe(2);
    expect(matcher.occurrencesUpTo('Zafar, Zafar', 2)).toBe(2);
  });

  test('one name, even one that holds another, is one occurrence', () => {
    expect(matcher.occurrencesUpTo('Ali Zafar spoke', 2)).toBe(1);
    expect(matcher.occurrencesUpTo('Ali Zafar spoke', 1)).toBe(1);
  });

  test('counts up to its limit, and no further', () => {
    const text = 'Ali Zafar, Meesha Shafi and Zafar';
    expect(matcher.occurrencesUpTo(text, 2)).toBe(2);
    expect(matcher.occurrencesUpTo(text, 5)).toBe(3);
    expect(matcher.occurrencesUpTo('nobody here', 2)).toBe(0);
  });

  test('is never "no" where search finds that many matches', () => {
    const words = fc.constantFrom('Ali', 'Zafar', 'Meesha Shafi', 'x', ' ', '\n', '.');
    fc.assert(
      fc.property(
        fc.array(words, { maxLength: 12 }),
        fc.integer({ min: 1, max: 3 }),
        (parts, count) => {
          const text = parts.join('');
          const found = matcher.search(text).length;
          if (found >= count) expect(matcher.occurrencesUpTo(text, count)).toBe(count);
          expect(matcher.occurrencesUpTo(text, count)).toBeGreaterThanOrEqual(
            Math.min(found, count),
          );
        },
      ),
    );
  });
});

describe('a name list too long for the state table', () => {
  // 30,000 names make far more than the table's million cells: failure links are walked instead.
  const names = generateNames(30_000, 'latin', 3);
  const matcher = buildMatcher(names);

  matcher.prepareMayContain();
  // Serialized with its failure links (there is no table to carry).
  const loaded = loadMatcher(matcher.serialize());

  test('answers as search does, both ways, and so does the matcher loaded', () => {
    const words = fc.constantFrom(
      ...names.slice(0, 8).flatMap(({ text }) => text.split(' ')),
      ' ',
      'x',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 10 }), (parts) => {
        const text = parts.join(' ');
        const found = matcher.search(text).length;
        if (found > 0) expect(matcher.mayContain(text)).toBe(true);
        if (found > 1) expect(matcher.occurrencesUpTo(text, 2)).toBe(2);
        expect(loaded.occurrencesUpTo(text, 3)).toBe(matcher.occurrencesUpTo(text, 3));
      }),
      { numRuns: 300 },
    );
    expect(matcher.mayContain('nothing here at all')).toBe(false);
  });
});
