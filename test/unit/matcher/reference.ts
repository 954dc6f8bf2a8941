import { isWordCodePoint } from '../../../src/matcher/boundaries';
import type { Match, MatchPattern } from '../../../src/matcher/index';
import { foldCodePoint, foldText } from '../../../src/matcher/normalize';

interface FoldedChar {
  char: string;
  origin: number;
}

/**
 * The matcher's specification, written for obviousness instead of speed: fold the text one code
 * point at a time, then try every pattern at every word start.
 */
export function referenceSearch(patterns: readonly MatchPattern[], text: string): Match[] {
  const folded = foldWithOrigins(text);

  const isWordAt = (index: number) => {
    const char = folded[index]?.char;
    return char !== undefined && isWordCodePoint(char.codePointAt(0) ?? 0);
  };

  const foldedPatterns = patterns
    .map(({ text: patternText, id }) => ({ chars: [...foldText(patternText)], id }))
    .filter(({ chars }) => chars.length > 0);

  const matches: Match[] = [];
  let position = 0;
  while (position < folded.length) {
    if (!isWordAt(position - 1)) {
      const found = foldedPatterns.filter(({ chars }) => {
        const end = position + chars.length;
        const isHandle = chars[0] === '@';
        return (
          chars.every((char, index) => folded[position + index]?.char === char) &&
          !isWordAt(end) &&
          !(isHandle && folded[end]?.char === '.' && isWordAt(end + 1))
        );
      });
      const longest = Math.max(0, ...found.map(({ chars }) => chars.length));
      if (longest > 0) {
        const ids = new Set(
          found.filter(({ chars }) => chars.length === longest).map(({ id }) => id),
        );
        const start = folded[position]?.origin ?? 0;
        const end = endOfCharacter(text, folded[position + longest - 1]?.origin ?? 0);
        for (const id of [...ids].sort((a, b) => a - b)) {
          matches.push({ start, end, id });
        }

        position += longest;
        continue;
      }
    }

    position++;
  }

  return matches;
}

/** Boundary-free: does any folded pattern occur in the folded text? */
export function referenceMayContain(patterns: readonly MatchPattern[], text: string): boolean {
  const folded = foldWithOrigins(text)
    .map(({ char }) => char)
    .join('');
  return patterns.some(({ text: pattern }) => {
    const foldedPattern = foldText(pattern);
    return foldedPattern.length > 0 && folded.includes(foldedPattern);
  });
}

/** Folds one code point at a time, each folded character with the offset it came from. */
function foldWithOrigins(text: string): FoldedChar[] {
  const folded: FoldedChar[] = [];
  let origin = 0;
  for (const char of text) {
    for (const foldedChar of foldCodePoint(char.codePointAt(0) ?? 0)) {
      if (foldedChar !== ' ' || folded.at(-1)?.char !== ' ') {
        folded.push({ char: foldedChar, origin });
      }
    }

    origin += char.length;
  }

  return folded;
}

function endOfCharacter(text: string, origin: number): number {
  let end = origin + String.fromCodePoint(text.codePointAt(origin) ?? 0).length;
  while (/^[\p{Mn}\p{Me}]$/u.test(text.charAt(end))) {
    end++;
  }

  return end;
}
