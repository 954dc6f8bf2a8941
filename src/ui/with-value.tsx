/**
 * A translated sentence with a left-to-right value (an address, a host) inside it. Substituted
 * as plain text, an address in an Urdu sentence is reordered by the bidi algorithm ("/http://…");
 * isolated in its own `<bdi dir="ltr">` it reads as typed, in either language.
 */

import { splitAtValue } from './value-slot';

export { VALUE_SLOT } from './value-slot';

export function WithValue({ text, value }: { text: string; value: string }) {
  const [before, after] = splitAtValue(text);
  return (
    <>
      {before}
      <bdi dir="ltr">{value}</bdi>
      {after}
    </>
  );
}
