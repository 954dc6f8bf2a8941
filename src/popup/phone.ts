/**
 * A `tel:` link for a support resource's number. The dataset stores the number to dial
 * (international form, or a short code) beside the text shown, and the checker proves they are
 * the same number, so the link dials exactly what the reader sees.
 */
export function telHref(phone: { readonly dial: string }): string {
  return `tel:${phone.dial}`;
}
