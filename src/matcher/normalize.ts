// What "the same text" means for matching. Everything else in the matcher (the pattern trie, the
// per-character class table, the reference in the tests) derives from foldCodePoint, so a change
// here changes matching everywhere; bump FOLD_VERSION so stale serialized matchers are rejected.

export const FOLD_VERSION = 1;

const TATWEEL = 0x0640;

// Accents, Arabic harakat, and zero-width/bidi/soft-hyphen format characters carry no letters.
const IGNORABLE = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
const IGNORABLE_ALL = /[\p{Mn}\p{Me}\p{Cf}\u0640]/gu;
// JS \s misses NEL; U+FEFF is in \s but is a zero-width format character, caught above.
const WHITESPACE = /^[\s\u0085]$/u;
const WHITESPACE_RUN = /[\s\u0085]+/gu;
// Mapped before NFKD: U+00B4 would otherwise decompose to a space plus an accent.
const APOSTROPHES = /^[`\u00B4\u2018\u2019\u201B\u2032\u02BC]$/u;

// Urdu and Arabic keyboards write the same names with different code points for yeh, kaf and heh.
const SCRIPT_VARIANTS: Readonly<Record<string, string>> = {
  '\u064A': '\u06CC', // Arabic yeh → Farsi/Urdu yeh
  '\u0649': '\u06CC', // alef maksura
  '\u0643': '\u06A9', // Arabic kaf → keheh
  '\u06AA': '\u06A9', // swash kaf
  '\u0647': '\u06C1', // Arabic heh → heh goal
  '\u06BE': '\u06C1', // heh doachashmee: Arabic keyboards type it as U+0647 too
  '\u06D5': '\u06C1', // ae
  '\u2019': "'", // U+02BC from "ŉ" and friends after case mapping
  '\u02BC': "'",
};
const SCRIPT_VARIANT_CHARS = new RegExp(`[${Object.keys(SCRIPT_VARIANTS).join('')}]`, 'gu');

/**
 * The folded form of one code point: '' when it is ignored, ' ' for any white space, otherwise
 * case-folded, compatibility-decomposed text without accents (possibly several characters:
 * 'ß' → 'ss', 'ﬁ' → 'fi').
 */
export function foldCodePoint(codePoint: number): string {
  let folded = foldedCodePoints.get(codePoint);
  if (folded === undefined) {
    folded = computeFold(codePoint);
    foldedCodePoints.set(codePoint, folded);
  }

  return folded;
}

// Normalizing one character at a time is slow; names and pages reuse few distinct characters.
const foldedCodePoints = new Map<number, string>();

function computeFold(codePoint: number): string {
  const char = String.fromCodePoint(codePoint);
  if (codePoint === TATWEEL || IGNORABLE.test(char)) {
    return '';
  }

  if (WHITESPACE.test(char)) {
    return ' ';
  }

  if (APOSTROPHES.test(char)) {
    return "'";
  }

  // Upper-then-lower approximates full case folding (ß → SS → ss, ς → Σ → σ, İ → i̇ → i).
  return (
    char
      .normalize('NFKD')
      .toUpperCase()
      .toLowerCase()
      .normalize('NFKD')
      .replace(IGNORABLE_ALL, '')
      .replace(WHITESPACE_RUN, ' ')
      // Spacing accents (¨, Arabic isolated harakat) decompose to a space and a mark: nothing.
      .trim()
      .replace(SCRIPT_VARIANT_CHARS, (variant) => SCRIPT_VARIANTS[variant] ?? variant)
  );
}

/** Folds a whole string the way the matcher sees text: white space collapsed, ends trimmed. */
export function foldText(text: string): string {
  let folded = '';
  for (let index = 0; index < text.length; index++) {
    const codePoint = text.codePointAt(index) ?? 0;
    if (codePoint > 0xffff) {
      index++;
    }

    // Expansions never start or end with a space, so only a lone space can double one.
    const foldedChar = foldCodePoint(codePoint);
    if (foldedChar !== ' ' || (folded.length > 0 && !folded.endsWith(' '))) {
      folded += foldedChar;
    }
  }

  return folded.endsWith(' ') ? folded.slice(0, -1) : folded;
}
