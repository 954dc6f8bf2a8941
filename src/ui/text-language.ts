/**
 * The language of a source's title or publisher, which the dataset does not record. Its sources
 * are in English or Urdu, and an Urdu headline often carries a Latin word (#MeToo, BBC) while an
 * English one does not carry Urdu: any Arabic script is Urdu, else Latin is English; anything
 * else gets no language and its direction from its own text. Pure: the popup and the in-page
 * card both use it.
 */
/** The direction of a dataset language: Urdu right to left, English left to right. */
export const directionOf = (lang: string): 'ltr' | 'rtl' => (lang === 'ur' ? 'rtl' : 'ltr');

export function sourceTextLanguage(text: string): {
  lang?: 'en' | 'ur';
  dir: 'ltr' | 'rtl' | 'auto';
} {
  if (/\p{Script=Arabic}/u.test(text)) return { lang: 'ur', dir: directionOf('ur') };
  if (/\p{Script=Latin}/u.test(text)) return { lang: 'en', dir: directionOf('en') };
  return { dir: 'auto' };
}
