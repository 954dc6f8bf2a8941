/**
 * Report text as the curator tool prints it and as its drafts hold it. Characters a curator
 * would not see, or would see wrongly, are written as \uXXXX escapes, so a curator sees that they
 * are there and never copies them into the dataset unknowingly:
 * - Unicode's default-ignorable code points (zero-width spaces, word joiners, soft hyphens,
 *   variation selectors, tag characters), except the zero-width non-joiner and joiner, which
 *   shape Urdu words and emoji rather than hide anything;
 * - the line and paragraph separators (U+2028, U+2029), which break a line where none shows;
 * - lone surrogates (half a character, printed as U+FFFD or garbage).
 * The intake refuses the last two and direction controls in new reports; reports stored before
 * that rule can still hold them.
 */
const HIDDEN = /(?![\u200C\u200D])\p{Default_Ignorable_Code_Point}|[\u2028\u2029]|\p{Cs}/gu;

/**
 * Escapes as JSON does (UTF-16 units), so printed or written JSON stays valid JSON that parses
 * back to the same text.
 */
export function escapeHidden(text: string): string {
  return text.replace(HIDDEN, (char) =>
    Array.from(
      { length: char.length },
      (_, i) => `\\u${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`,
    ).join(''),
  );
}
