import { HANDLE_DOT, HANDLE_PREFIX, isWordCodePoint } from './boundaries';

// The trie runs on character classes, not code units: every folded code unit that occurs in some
// pattern gets its own class, and everything else collapses into two classes (word or not), which
// keeps the trie's transition space as small as the patterns' alphabet.

/** A folded character that occurs in no pattern and is not a word character. */
export const CLASS_OTHER = 0;
/** A folded character that occurs in no pattern but is a word character. */
export const CLASS_OTHER_WORD = 1;
export const CLASS_SPACE = 2;
/** Fixed so the search can apply the handle rules without looking at the trie. */
export const CLASS_DOT = 3;
export const CLASS_AT = 4;
const FIXED_UNITS = [' ', HANDLE_DOT, HANDLE_PREFIX].map((char) => char.charCodeAt(0));
const FIRST_FIXED_UNIT_CLASS = CLASS_SPACE;

/** The number of classes of an alphabet of `unitCount` folded units. */
export function classCount(unitCount: number): number {
  return FIRST_FIXED_UNIT_CLASS + unitCount;
}

export class Alphabet {
  /** Folded code unit of each class from CLASS_SPACE on (index = class - CLASS_SPACE). */
  readonly units: Uint16Array;
  /** 1 for classes that are word characters, for the boundary checks. */
  readonly isWordClass: Uint8Array;
  private readonly classByUnit: Map<number, number>;

  constructor(units: Uint16Array) {
    this.units = units;
    this.classByUnit = new Map();
    this.isWordClass = new Uint8Array(classCount(units.length));
    this.isWordClass[CLASS_OTHER_WORD] = 1;
    for (const [index, unit] of units.entries()) {
      const unitClass = FIRST_FIXED_UNIT_CLASS + index;
      this.classByUnit.set(unit, unitClass);
      // A surrogate half only reaches the alphabet from an astral letter in a pattern.
      this.isWordClass[unitClass] = isSurrogate(unit) || isWordCodePoint(unit) ? 1 : 0;
    }
  }

  /** The alphabet of a set of folded patterns. */
  static fromFoldedPatterns(foldedPatterns: Iterable<string>): Alphabet {
    const units = new Set<number>(FIXED_UNITS);
    for (const pattern of foldedPatterns) {
      for (let index = 0; index < pattern.length; index++) {
        units.add(pattern.charCodeAt(index));
      }
    }

    return new Alphabet(Uint16Array.from(units));
  }

  get size(): number {
    return this.isWordClass.length;
  }

  classOfUnit(unit: number): number {
    return (
      this.classByUnit.get(unit) ??
      (!isSurrogate(unit) && isWordCodePoint(unit) ? CLASS_OTHER_WORD : CLASS_OTHER)
    );
  }

  /** Classes of a folded string, as the trie sees it. */
  classesOf(folded: string): number[] {
    const classes: number[] = [];
    for (let index = 0; index < folded.length; index++) {
      const codePoint = folded.codePointAt(index) ?? 0;
      if (codePoint <= 0xffff) {
        classes.push(this.classOfUnit(codePoint));
        continue;
      }

      // Astral: both halves are either in the alphabet (from a pattern) or not at all.
      const outside = isWordCodePoint(codePoint) ? CLASS_OTHER_WORD : CLASS_OTHER;
      classes.push(
        this.classByUnit.get(folded.charCodeAt(index)) ?? outside,
        this.classByUnit.get(folded.charCodeAt(index + 1)) ?? outside,
      );
      index++;
    }

    return classes;
  }
}

export function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff;
}
