import { CLASS_AT, CLASS_DOT, CLASS_OTHER, CLASS_SPACE, type Alphabet } from './alphabet';
import {
  baseOf,
  buildFailureLinks,
  ROOT,
  type Automaton,
  type Dfa,
  type FailureLinks,
} from './automaton';
import { foldCodePoint } from './normalize';

// Folds while scanning: no folded copy of the page is made. Each code unit costs one load from a
// per-matcher table of trie classes, filled lazily so a page pays for folding only the distinct
// characters it contains. Names start only where a word starts, so the scan runs through the
// inside of words on the class table alone; at a word start it walks the trie as far as the text
// follows it, keeping the longest pattern that also ends on a word boundary. Most walks fail inside
// their first word, where no match can be pending yet, so that part takes a lean loop
// (followPlainWord) and only walks that reach the end of the word pay for the boundary rules.
//
// A position in the folded text is (index, part): the UTF-16 index of an original character and,
// for characters that fold to several units ('ß' → 'ss', 'ﬁ' → 'fi') or to a surrogate pair, the
// unit within that expansion.

const UNKNOWN = 0xffff;
const IGNORED = 0xfffe;
/** Folds to several units, or is half of a surrogate pair. */
const COMPOSITE = 0xfffd;
const FIRST_SPECIAL = COMPOSITE;

export interface Hit {
  start: number;
  /** UTF-16 index of the original character the match's last folded unit came from. */
  lastOrigin: number;
  node: number;
}

export class Scanner {
  private readonly alphabet: Alphabet;
  private readonly automaton: Automaton;
  private readonly classByUnit = new Uint16Array(0x10000).fill(UNKNOWN);
  private readonly compositeClasses = new Map<number, Uint16Array>();
  private failureLinks: FailureLinks | undefined;

  // The unit read last by readUnit, and the position just after it.
  private unitClass = 0;
  private nextIndex = 0;
  private nextPart = 0;

  constructor(alphabet: Alphabet, automaton: Automaton, failureLinks?: FailureLinks) {
    this.alphabet = alphabet;
    this.automaton = automaton;
    this.failureLinks = failureLinks;
  }

  /** The failure links, if built (or loaded) already. */
  get preparedLinks(): FailureLinks | undefined {
    return this.failureLinks;
  }

  /** Appends the leftmost-longest, non-overlapping matches in `text` to `hits`. */
  scan(text: string, hits: Hit[]): void {
    const { cells } = this.automaton;
    const { isWordClass } = this.alphabet;
    const classByUnit = this.classByUnit;
    const rootBase = baseOf(cells, ROOT);
    const length = text.length;
    let previousIsWord = 0;
    let index = 0;
    let part = 0;
    while (index < length) {
      if (previousIsWord === 1 && part === 0) {
        // No match starts inside a word: run to its end on plain units without looking further.
        while (index < length) {
          const wordClass = classByUnit[text.charCodeAt(index)] ?? UNKNOWN;
          if (wordClass >= FIRST_SPECIAL || isWordClass[wordClass] === 0) {
            break;
          }

          index++;
        }

        if (index >= length) {
          break;
        }
      }

      let unitClass = classByUnit[text.charCodeAt(index)] ?? UNKNOWN;
      let nextIndex = index + 1;
      let nextPart = 0;
      if (unitClass >= FIRST_SPECIAL || part !== 0) {
        // Ignored characters, expansions and astral characters are rare: read them the slow way.
        const isRead = this.readUnit(text, index, part);
        nextIndex = this.nextIndex;
        nextPart = this.nextPart;
        if (!isRead) {
          index = nextIndex;
          part = nextPart;
          continue;
        }

        unitClass = this.unitClass;
      }

      if (previousIsWord === 0 && cells[2 * (rootBase + unitClass) + 1] === ROOT) {
        // Most walks die inside their first word, on plain units, where no match can be pending:
        // follow those here without the bookkeeping of `walk`, which takes over where the word
        // ends or a special unit comes.
        let node = rootBase + unitClass;
        let lastOrigin = index;
        if (isWordClass[unitClass] === 1 && nextPart === 0) {
          const followed = this.followPlainWord(text, node, nextIndex);
          if (followed === -1) {
            // As `walk` would: go on from the unit the trie did not follow, inside a word.
            previousIsWord = 1;
            index = this.nextIndex;
            part = 0;
            continue;
          }

          node = followed;
          lastOrigin = this.nextIndex - 1;
          nextIndex = this.nextIndex;
        }

        previousIsWord = this.walk(
          text,
          index,
          unitClass,
          node,
          lastOrigin,
          nextIndex,
          nextPart,
          hits,
        );
        index = this.nextIndex;
        part = this.nextPart;
        continue;
      }

      previousIsWord = isWordClass[unitClass] ?? 0;
      index = nextIndex;
      part = nextPart;
    }
  }

  /** Builds the failure links mayContain needs, if not built yet. */
  prepareMayContain(): FailureLinks {
    this.failureLinks ??= buildFailureLinks(this.automaton, this.alphabet.size, CLASS_SPACE);
    return this.failureLinks;
  }

  /**
   * How many times patterns occur in the folded text without overlapping, word boundaries
   * ignored, counting up to `limit` (Aho–Corasick; each occurrence is taken at its earliest end).
   * A run of spaces reads as one, as in the folded patterns.
   */
  countOccurrences(text: string, limit: number): number {
    const links = this.prepareMayContain();
    // The page's text is read as it comes (textContent: an external string in Chromium). Copied
    // into a string of the engine's own first, the page's first scan spent a copy of the page's
    // text and its collection on it, and the names check took 1.04× as long (Chromium,
    // isolated worlds, the page benchmark's feed, 20 paired runs).
    return links.dfa === undefined
      ? this.countFollowingLinks(links, text, limit)
      : this.countInTable(links.dfa, text, limit);
  }

  /**
   * countOccurrences on the table, where runs of spaces are the table's own self-loops: the
   * page's first scan runs this loop over every character, before the engine has optimized it,
   * so each step carries only a class load, a table load and the end test (npm run bench:page).
   */
  private countInTable({ next, end }: Dfa, text: string, limit: number): number {
    const classByUnit = this.classByUnit;
    const size = this.alphabet.size;
    const length = text.length;
    let state = 0;
    let count = 0;
    let index = 0;
    let part = 0;
    while (index < length) {
      let unitClass = classByUnit[text.charCodeAt(index)] ?? UNKNOWN;
      if (unitClass < FIRST_SPECIAL) {
        index++;
      } else {
        // Ignored characters, expansions and astral characters are rare: read them the slow way.
        const isRead = this.readUnit(text, index, part);
        index = this.nextIndex;
        part = this.nextPart;
        if (!isRead) continue;
        unitClass = this.unitClass;
      }

      state = next[state * size + unitClass] ?? 0;
      if (state === end) {
        count++;
        if (count >= limit) return count;
        // The next occurrence starts after this one ends, from the root.
        state = 0;
      }
    }

    return count;
  }

  /**
   * countOccurrences for an automaton too large for a table (a 100× dataset). Its own loop, not a
   * branch inside countInTable's: that loop runs cold over every character of a page, where a
   * test per character shows (npm run bench:page).
   */
  private countFollowingLinks(
    { fail, endsPattern }: FailureLinks,
    text: string,
    limit: number,
  ): number {
    const { cells } = this.automaton;
    const classByUnit = this.classByUnit;
    const length = text.length;
    let node = ROOT;
    let previousClass = -1;
    let index = 0;
    let part = 0;
    let count = 0;
    while (index < length) {
      let unitClass = classByUnit[text.charCodeAt(index)] ?? UNKNOWN;
      if (unitClass < FIRST_SPECIAL) {
        index++;
      } else {
        const isRead = this.readUnit(text, index, part);
        index = this.nextIndex;
        part = this.nextPart;
        if (!isRead) continue;
        unitClass = this.unitClass;
      }

      if (unitClass === CLASS_SPACE && previousClass === CLASS_SPACE) {
        continue;
      }

      previousClass = unitClass;
      // baseOf, inlined: this loop reads every character of the page once.
      let base = cells[2 * node] ?? 0;
      let next = (base < 0 ? ~base : base) + unitClass;
      while (cells[2 * next + 1] !== node && node !== ROOT) {
        node = fail[node] ?? ROOT;
        base = cells[2 * node] ?? 0;
        next = (base < 0 ? ~base : base) + unitClass;
      }
      node = cells[2 * next + 1] === node ? next : ROOT;

      if (endsPattern[node] === 1) {
        count++;
        if (count >= limit) return count;
        node = ROOT;
      }
    }

    return count;
  }

  /**
   * Follows the trie from `node` over the plain word units from `index` on, up to the first unit
   * that is not one; leaves that unit's index in nextIndex and returns the node reached, or -1
   * (nextIndex at the unit) if the trie has no child for a word unit.
   */
  private followPlainWord(text: string, node: number, index: number): number {
    const { cells } = this.automaton;
    const { isWordClass } = this.alphabet;
    const classByUnit = this.classByUnit;
    const length = text.length;
    for (; index < length; index++) {
      const unitClass = classByUnit[text.charCodeAt(index)] ?? UNKNOWN;
      if (unitClass >= FIRST_SPECIAL || isWordClass[unitClass] === 0) {
        break;
      }

      const next = baseOf(cells, node) + unitClass;
      if (cells[2 * next + 1] !== node) {
        this.nextIndex = index;
        return -1;
      }

      node = next;
    }

    this.nextIndex = index;
    return node;
  }

  /**
   * Walks the trie from a word start whose first unit (of class `firstClass`) has a root
   * transition, going on from `node`, reached with the unit at `lastOrigin` and followed by
   * position (index, part); every unit before is of the first word, so no match is pending.
   * Records a hit if a pattern ends on a boundary, and leaves in nextIndex/nextPart where the scan
   * resumes; returns whether the unit before that is a word character.
   */
  private walk(
    text: string,
    startIndex: number,
    firstClass: number,
    startNode: number,
    startLastOrigin: number,
    afterIndex: number,
    afterPart: number,
    hits: Hit[],
  ): number {
    const { cells } = this.automaton;
    const { isWordClass } = this.alphabet;
    const classByUnit = this.classByUnit;
    const length = text.length;
    let node = startNode;
    let nodeBase = cells[2 * node] ?? 0;
    let endsPattern = nodeBase < 0;
    nodeBase = endsPattern ? ~nodeBase : nodeBase;
    let index = afterIndex;
    let part = afterPart;
    let previousClass = firstClass;
    let previousIsWord = isWordClass[firstClass] ?? 0;
    let lastOrigin = startLastOrigin;
    // The longest boundary-ending match so far.
    let matchNode = -1;
    let matchLastOrigin = 0;
    let matchNextIndex = 0;
    let matchNextPart = 0;
    let matchLastIsWord = 0;
    // The first word start after this one, where the scan goes on if nothing matches here.
    let restartIndex = -1;
    let restartPart = 0;

    while (index < length) {
      let unitClass = classByUnit[text.charCodeAt(index)] ?? UNKNOWN;
      let unitNextIndex = index + 1;
      let unitNextPart = 0;
      if (unitClass >= FIRST_SPECIAL || part !== 0) {
        const isRead = this.readUnit(text, index, part);
        unitNextIndex = this.nextIndex;
        unitNextPart = this.nextPart;
        if (!isRead) {
          index = unitNextIndex;
          part = unitNextPart;
          continue;
        }

        unitClass = this.unitClass;
      }

      if (unitClass === CLASS_SPACE && previousClass === CLASS_SPACE) {
        index = unitNextIndex;
        part = unitNextPart;
        continue;
      }

      const unitIsWord = isWordClass[unitClass] ?? 0;
      if (endsPattern && unitIsWord === 0) {
        const continuesHandle =
          firstClass === CLASS_AT &&
          unitClass === CLASS_DOT &&
          this.wordFollows(text, unitNextIndex, unitNextPart);
        if (!continuesHandle) {
          matchNode = node;
          matchLastOrigin = lastOrigin;
          matchNextIndex = index;
          matchNextPart = part;
          matchLastIsWord = previousIsWord;
        }
      }

      if (previousIsWord === 0 && restartIndex === -1) {
        restartIndex = index;
        restartPart = part;
      }

      const next = nodeBase + unitClass;
      if (cells[2 * next + 1] !== node) {
        break;
      }

      node = next;
      nodeBase = cells[2 * next] ?? 0;
      endsPattern = nodeBase < 0;
      if (endsPattern) {
        nodeBase = ~nodeBase;
      }

      previousClass = unitClass;
      previousIsWord = unitIsWord;
      lastOrigin = index;
      index = unitNextIndex;
      part = unitNextPart;
    }

    if (index >= length && endsPattern) {
      matchNode = node;
      matchLastOrigin = lastOrigin;
      matchNextIndex = length;
      matchNextPart = 0;
      matchLastIsWord = previousIsWord;
    }

    if (matchNode !== -1) {
      hits.push({ start: startIndex, lastOrigin: matchLastOrigin, node: matchNode });
      this.nextIndex = matchNextIndex;
      this.nextPart = matchNextPart;
      return matchLastIsWord;
    }

    if (restartIndex !== -1) {
      this.nextIndex = restartIndex;
      this.nextPart = restartPart;
      return 0;
    }

    // No word start inside the walk: go on from the unit the trie did not follow.
    this.nextIndex = index;
    this.nextPart = part;
    return previousIsWord;
  }

  /**
   * Reads the folded unit at (index, part) into unitClass and the position after it
   * into nextIndex/nextPart; false if the character there is ignored.
   */
  private readUnit(text: string, index: number, part: number): boolean {
    const unit = text.charCodeAt(index);
    let unitClass = this.classByUnit[unit] ?? UNKNOWN;
    if (unitClass === UNKNOWN) {
      unitClass = this.learn(unit);
    }

    if (unitClass < FIRST_SPECIAL) {
      this.unitClass = unitClass;
      this.nextIndex = index + 1;
      this.nextPart = 0;
      return true;
    }

    const codePoint = text.codePointAt(index) ?? unit;
    const width = codePoint > 0xffff ? 2 : 1;
    if (unitClass === IGNORED) {
      this.nextIndex = index + width;
      this.nextPart = 0;
      return false;
    }

    const composite = this.compositeOf(codePoint);
    this.unitClass = composite[part] ?? CLASS_OTHER;
    if (part + 1 < composite.length) {
      this.nextIndex = index;
      this.nextPart = part + 1;
    } else {
      this.nextIndex = index + width;
      this.nextPart = 0;
    }

    // An astral character folding to nothing is ignored like any other.
    return composite.length > 0;
  }

  /** Whether the next folded unit from (index, part) is a word character. */
  private wordFollows(text: string, index: number, part: number): boolean {
    while (index < text.length) {
      if (this.readUnit(text, index, part)) {
        return this.alphabet.isWordClass[this.unitClass] === 1;
      }

      index = this.nextIndex;
      part = this.nextPart;
    }

    return false;
  }

  private learn(unit: number): number {
    let unitClass: number;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      unitClass = COMPOSITE;
    } else {
      const folded = foldCodePoint(unit);
      if (folded.length === 0) {
        unitClass = IGNORED;
      } else if (folded.length === 1) {
        unitClass = this.alphabet.classOfUnit(folded.charCodeAt(0));
      } else {
        unitClass = COMPOSITE;
      }
    }

    this.classByUnit[unit] = unitClass;
    return unitClass;
  }

  private compositeOf(codePoint: number): Uint16Array {
    let composite = this.compositeClasses.get(codePoint);
    if (composite === undefined) {
      // A lone surrogate stays itself: a non-word character that no pattern contains.
      const isLoneSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
      composite = isLoneSurrogate
        ? Uint16Array.of(CLASS_OTHER)
        : Uint16Array.from(this.alphabet.classesOf(foldCodePoint(codePoint)));
      this.compositeClasses.set(codePoint, composite);
    }

    return composite;
  }
}
