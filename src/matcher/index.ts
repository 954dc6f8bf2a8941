/**
 * Finds tracked names and handles in page text. Pure: no browser APIs, no DOM types.
 *
 * Contract:
 * - `buildMatcher(patterns)` with `MatchPattern = { text, id }`. A text starting with `@` is a
 *   handle, anything else a name; `id` is the person's index (a non-negative integer), and several
 *   patterns may share one. Patterns that fold to nothing are skipped.
 * - `matcher.search(text)` returns `Match = { start, end, id }`, UTF-16 offsets into the original
 *   text (end exclusive), sorted by start. Matches are leftmost-longest and do not overlap; when
 *   two people share the exact same name, the one range is reported once for each id.
 * - `matcher.searchSegments(segments)` searches text nodes of one block as if concatenated with
 *   NO separator (inline boundaries: `<b>Ali</b> Zafar` has its space inside a node). Each match
 *   reports the segment and offset of its first character and the segment holding its last
 *   character with the offset just past it, ready for `Range.setStart`/`setEnd`.
 * - `matcher.mayContain(text)`: true if any pattern occurs in the folded text, boundaries ignored;
 *   a single Aho–Corasick pass (failure links built on first use) to rule out whole page regions.
 *   `matcher.occurrencesUpTo(text, limit)` is the same pass, counting occurrences that do not
 *   overlap, up to `limit`.
 * - `matcher.serialize()` returns one ArrayBuffer; `loadMatcher(buffer)` wraps it without
 *   rebuilding or copying. It is tied to the fold rules (FOLD_VERSION) and is rejected otherwise.
 *   After `prepareMayContain`, it carries the failure links too, and the loaded matcher's
 *   mayContain builds nothing.
 *
 * What matches (see normalize.ts and boundaries.ts): case-folded, accent-free, compatibility-
 * decomposed text; any run of white space is one space; zero-width characters, soft hyphens,
 * harakat and tatweel are ignored; Arabic/Urdu yeh, kaf and heh are alike; ’ and ' are alike.
 * A match must not have a word character (letter, digit, mark, `_`) right before or after it in
 * folded text, except in scripts written without spaces (Han, kana, Thai, …). After a handle, a
 * dot followed by a word character continues the handle. A match that ends before combining marks
 * includes them, so the range never splits a character from its accents.
 */
import { Alphabet } from './alphabet';
import { buildAutomaton, type Automaton, type ClassPattern, type FailureLinks } from './automaton';
import { FOLD_VERSION, foldText } from './normalize';
import { Scanner, type Hit } from './scanner';
import { deserializeMatcher, serializeMatcher } from './serialize';

export interface MatchPattern {
  readonly text: string;
  readonly id: number;
}

export interface Match {
  start: number;
  end: number;
  id: number;
}

export interface SegmentMatch {
  id: number;
  startSegment: number;
  startOffset: number;
  endSegment: number;
  endOffset: number;
}

export interface Matcher {
  search(text: string): Match[];
  /**
   * A quick, allocation-free "maybe": true if any pattern occurs in the folded text, word
   * boundaries ignored. False means `search` finds nothing in this text or in any text whose
   * words it contains; used to rule out whole page regions before reading them node by node.
   */
  mayContain(text: string): boolean;
  /**
   * Like mayContain, counting occurrences that do not overlap, up to `limit`: an answer below
   * `limit` is at least as many as `search` finds in this text or in any text whose words it
   * contains. One pass answers both "any name?" and "a second one?".
   */
  occurrencesUpTo(text: string, limit: number): number;
  /**
   * Builds now what `mayContain` otherwise builds on its first call (the failure links), so a
   * caller can pay for it before time-sliced work starts instead of inside its first slice.
   */
  prepareMayContain(): void;
  searchSegments(segments: readonly string[]): SegmentMatch[];
  serialize(): ArrayBuffer;
  /** Bytes of the automaton's typed arrays; each matcher adds a 128 KB character table. */
  readonly byteLength: number;
}

export function buildMatcher(patterns: readonly MatchPattern[]): Matcher {
  const folded: { text: string; id: number }[] = [];
  for (const { text, id } of patterns) {
    if (!Number.isInteger(id) || id < 0 || id > 0x7fff_fffe) {
      throw new RangeError(`Pattern id must be a non-negative 31-bit integer: ${id}`);
    }

    const foldedText = foldText(text);
    if (foldedText.length > 0) {
      folded.push({ text: foldedText, id });
    }
  }

  const alphabet = Alphabet.fromFoldedPatterns(folded.map(({ text }) => text));
  const classPatterns: ClassPattern[] = folded.map(({ text, id }) => ({
    classes: alphabet.classesOf(text),
    id,
  }));
  return new TrieMatcher(alphabet, buildAutomaton(classPatterns, alphabet.size));
}

export function loadMatcher(buffer: ArrayBuffer): Matcher {
  const { units, automaton, links } = deserializeMatcher(buffer, FOLD_VERSION);
  return new TrieMatcher(new Alphabet(units), automaton, links);
}

const COMBINING_MARK = /^[\p{Mn}\p{Me}]$/u;

class TrieMatcher implements Matcher {
  private readonly alphabet: Alphabet;
  private readonly automaton: Automaton;
  private readonly scanner: Scanner;

  constructor(alphabet: Alphabet, automaton: Automaton, links?: FailureLinks) {
    this.alphabet = alphabet;
    this.automaton = automaton;
    this.scanner = new Scanner(alphabet, automaton, links);
  }

  get byteLength(): number {
    const { cells, terminal, idRuns } = this.automaton;
    return cells.byteLength + terminal.byteLength + idRuns.byteLength;
  }

  search(text: string): Match[] {
    const hits: Hit[] = [];
    this.scanner.scan(text, hits);
    const matches: Match[] = [];
    const { terminal, idRuns } = this.automaton;
    for (const { start, lastOrigin, node } of hits) {
      const end = endOfCharacter(text, lastOrigin);
      const ids = terminal[node] ?? 0;
      if (ids > 0) {
        matches.push({ start, end, id: ids - 1 });
      } else {
        const offset = -ids - 1;
        const count = idRuns[offset] ?? 0;
        for (let run = offset + 1; run <= offset + count; run++) {
          matches.push({ start, end, id: idRuns[run] ?? 0 });
        }
      }
    }

    return matches;
  }

  mayContain(text: string): boolean {
    return this.scanner.countOccurrences(text, 1) === 1;
  }

  occurrencesUpTo(text: string, limit: number): number {
    return this.scanner.countOccurrences(text, limit);
  }

  prepareMayContain(): void {
    this.scanner.prepareMayContain();
  }

  searchSegments(segments: readonly string[]): SegmentMatch[] {
    const matches = this.search(segments.join(''));
    const segmentMatches: SegmentMatch[] = [];
    // Matches come sorted by start, so one forward walk over the segments maps them all.
    let startSegment = 0;
    let startSegmentOffset = 0;
    for (const { start, end, id } of matches) {
      while (start >= startSegmentOffset + (segments[startSegment]?.length ?? 0)) {
        startSegmentOffset += segments[startSegment]?.length ?? 0;
        startSegment++;
      }

      // The end belongs to the segment holding the match's last character.
      let endSegment = startSegment;
      let endSegmentOffset = startSegmentOffset;
      while (end > endSegmentOffset + (segments[endSegment]?.length ?? 0)) {
        endSegmentOffset += segments[endSegment]?.length ?? 0;
        endSegment++;
      }

      segmentMatches.push({
        id,
        startSegment,
        startOffset: start - startSegmentOffset,
        endSegment,
        endOffset: end - endSegmentOffset,
      });
    }

    return segmentMatches;
  }

  serialize(): ArrayBuffer {
    return serializeMatcher(
      FOLD_VERSION,
      this.alphabet.units,
      this.automaton,
      this.scanner.preparedLinks,
    );
  }
}

/** Offset just past the character at `offset` and any combining marks that follow it. */
function endOfCharacter(text: string, offset: number): number {
  const codePoint = text.codePointAt(offset) ?? 0;
  let end = offset + (codePoint > 0xffff ? 2 : 1);
  while (end < text.length && COMBINING_MARK.test(text.charAt(end))) {
    end++;
  }

  return end;
}
