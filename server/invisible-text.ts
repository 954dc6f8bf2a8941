/**
 * Report text as the curator tool prints it. Characters that show nothing (Unicode's
 * default-ignorable code points: zero-width spaces, word joiners, soft hyphens, variation
 * selectors, tag characters) are written as \uXXXX escapes, so a curator sees that they are there
 * and never copies them into the dataset unknowingly. The schema already refuses the ones that
 * reorder or break text. Zero-width non-joiner and joiner stay as they are: they shape Urdu words
 * and emoji rather than hide anything.
 */
const INVISIBLE = /(?![\u200C\u200D])\p{Default_Ignorable_Code_Point}/gu;

/** Escapes as JSON does (UTF-16 units), so printed JSON stays valid JSON. */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (char) =>
    Array.from(
      { length: char.length },
      (_, i) => `\\u${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`,
    ).join(''),
  );
}
