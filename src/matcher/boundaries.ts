// Word boundaries, decided on folded text: a name matches only where the folded characters just
// before and just after it are not word characters, so `Ali Zafar` is not found in `Alizafar` or
// `Ali Zafarullah`, and `@handle` is not found in `me@handle.com` or `@handle_2`.

const WORD = /^[\p{L}\p{N}\p{M}_]$/u;
// These scripts are written without spaces between words, so requiring a boundary there would
// mean never matching; their characters count as boundaries instead.
const UNSPACED_SCRIPTS =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;

export function isWordCodePoint(codePoint: number): boolean {
  const char = String.fromCodePoint(codePoint);
  return WORD.test(char) && !UNSPACED_SCRIPTS.test(char);
}

/**
 * Handles may contain dots (Instagram, TikTok), so after a handle a dot followed by a word
 * character continues a longer handle; a dot followed by anything else ends the sentence.
 */
export const HANDLE_PREFIX = '@';
export const HANDLE_DOT = '.';
