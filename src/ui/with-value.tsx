/**
 * A translated sentence with a left-to-right value (an address, a host) inside it. Substituted
 * as plain text, an address in an Urdu sentence is reordered by the bidi algorithm ("/http://…");
 * isolated in its own `<bdi dir="ltr">` it reads as typed, in either language.
 */

/** Pass this as the substitution, then give the sentence and the value to `WithValue`. */
export const VALUE_SLOT = '\uE000';

export function WithValue({ text, value }: { text: string; value: string }) {
  const [before, after = ''] = text.split(VALUE_SLOT);
  return (
    <>
      {before}
      <bdi dir="ltr">{value}</bdi>
      {after}
    </>
  );
}
