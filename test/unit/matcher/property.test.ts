import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMatcher, loadMatcher, type Match } from '../../../src/matcher/index';
import { referenceMayContain, referenceSearch } from './reference';

// Few distinct characters, so random patterns often occur in random texts, including every kind
// of character the fold treats specially.
const PATTERN_CHARS = ['a', 'b', 'A', 'á', 'ß', 's', "'", '’', '.', 'ی', 'ي', 'ہ', 'ه', '中', ' '];
const TEXT_CHARS = [
  ...PATTERN_CHARS,
  'B',
  'S',
  'a\u0301',
  'ﬁ',
  'f',
  'i',
  '@',
  '_',
  '1',
  '\u00A0',
  '\n',
  '\u200B',
  '\u00AD',
  'ـ',
  '\u064E',
  '😀',
  '𝐚',
];

const patternText = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...PATTERN_CHARS), { minLength: 1, maxLength: 5 }))
  .map(([isHandle, chars]) => (isHandle ? '@' : '') + chars.join(''));
const patterns = fc.array(fc.record({ text: patternText, id: fc.nat(3) }), {
  minLength: 1,
  maxLength: 8,
});
/** A text mixing random characters with the patterns themselves, so that most texts match. */
function textFor(patternList: readonly { text: string }[]): fc.Arbitrary<string> {
  const piece = fc.oneof(
    fc.constantFrom(...TEXT_CHARS),
    fc.constantFrom(...patternList.map(({ text: patternText }) => patternText)),
    fc.constantFrom(' ', '  ', ' \n ', '\u00A0'),
  );
  return fc.array(piece, { maxLength: 25 }).map((pieces) => pieces.join(''));
}

const patternsAndText = patterns.chain((patternList) =>
  fc.tuple(fc.constant(patternList), textFor(patternList)),
);

describe('matcher against the reference', () => {
  it('finds exactly what the reference finds', () => {
    let runsWithMatches = 0;
    fc.assert(
      fc.property(patternsAndText, ([patternList, textValue]) => {
        const matches = buildMatcher(patternList).search(textValue);
        expect(matches).toEqual(referenceSearch(patternList, textValue));
        runsWithMatches += matches.length > 0 ? 1 : 0;
      }),
      { numRuns: 2000 },
    );
    // The generators must exercise matching, not only its absence.
    expect(runsWithMatches).toBeGreaterThan(1000);
  });

  it('finds exactly what the reference finds with long names that share prefixes', () => {
    // Long runs of plain letters send the search deep into the trie before it fails, with
    // expansions, ignored characters and marks inside words as well as between them.
    const letter = fc.constantFrom('a', 'b', 'c');
    const word = fc
      .array(letter, { minLength: 1, maxLength: 6 })
      .map((letters) => letters.join(''));
    const name = fc
      .tuple(fc.constantFrom('', '@'), fc.array(word, { minLength: 1, maxLength: 3 }))
      .map(([prefix, words]) => prefix + words.join(' '));
    const longPatterns = fc.array(fc.record({ text: name, id: fc.nat(3) }), {
      minLength: 1,
      maxLength: 12,
    });
    const piece = (patternList: readonly { text: string }[]) =>
      fc.oneof(
        word,
        fc.constantFrom(' ', ' ', '.', 'ß', '\u00AD', 'a\u0301', 'B', '@'),
        fc.constantFrom(...patternList.map(({ text: patternText }) => patternText)),
      );
    const longPatternsAndText = longPatterns.chain((patternList) =>
      fc.tuple(
        fc.constant(patternList),
        fc.array(piece(patternList), { maxLength: 30 }).map((pieces) => pieces.join('')),
      ),
    );
    fc.assert(
      fc.property(longPatternsAndText, ([patternList, textValue]) => {
        expect(buildMatcher(patternList).search(textValue)).toEqual(
          referenceSearch(patternList, textValue),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('finds the same in segments as in their concatenation, and after serialization', () => {
    const cuts = fc.array(fc.nat(60), { maxLength: 5 });
    fc.assert(
      fc.property(patternsAndText, cuts, ([patternList, textValue], cutList) => {
        const matcher = buildMatcher(patternList);
        const offsets = [...new Set([0, ...cutList.map((cut) => cut % (textValue.length + 1))])];
        offsets.sort((a, b) => a - b);
        const segments = offsets.map((offset, index) =>
          textValue.slice(offset, offsets[index + 1]),
        );
        const segmentStarts = offsets;

        const fromSegments: Match[] = matcher.searchSegments(segments).map((match) => ({
          start: (segmentStarts[match.startSegment] ?? 0) + match.startOffset,
          end: (segmentStarts[match.endSegment] ?? 0) + match.endOffset,
          id: match.id,
        }));
        expect(fromSegments).toEqual(matcher.search(textValue));
        expect(loadMatcher(matcher.serialize()).search(textValue)).toEqual(
          matcher.search(textValue),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('says a text may contain a name exactly when a folded name occurs in it anywhere', () => {
    fc.assert(
      fc.property(patternsAndText, ([patternList, textValue]) => {
        const matcher = buildMatcher(patternList);
        const expected = referenceMayContain(patternList, textValue);
        expect(matcher.mayContain(textValue)).toBe(expected);
        // Serialized with its failure links and table, loaded without building them.
        expect(loadMatcher(matcher.serialize()).mayContain(textValue)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
