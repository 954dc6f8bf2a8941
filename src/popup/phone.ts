const KEYPAD = ['ABC', 'DEF', 'GHI', 'JKL', 'MNO', 'PQRS', 'TUV', 'WXYZ'];

/** A `tel:` link for a number as written: letters dialled as on a keypad (800-656-HOPE). */
export function telHref(phone: string): string {
  let dialled = '';
  for (const character of phone.toUpperCase()) {
    if (/[\d+]/.test(character)) dialled += character;
    const key = KEYPAD.findIndex((letters) => letters.includes(character));
    if (key >= 0) dialled += String(key + 2);
  }
  return `tel:${dialled}`;
}
