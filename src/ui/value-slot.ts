/**
 * A left-to-right value (an address, a date) inside a translated sentence: the sentence is
 * translated with VALUE_SLOT as the substitution, then split around it, so the value can be
 * isolated in its own `<bdi dir="ltr">` (ui/with-value.tsx in pages, the in-page card in the
 * page). Substituted as plain text, "2026-11-30" in an Urdu sentence reads "30-11-2026".
 */

/** A private-use character: never in a translation or a value. */
export const VALUE_SLOT = '\uE000';

/** The sentence before and after the value's place. */
export function splitAtValue(text: string): [before: string, after: string] {
  const [before = '', after = ''] = text.split(VALUE_SLOT);
  return [before, after];
}
