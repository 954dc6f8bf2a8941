/**
 * The word lists behind the fairness rules (fairness.ts), in one place, per language: the rules
 * apply `en` to `text.en` and `ur` to `text.ur`.
 *
 * Every list holds lowercase words or phrases matched as whole words (a trailing "*" matches
 * any ending: "alleg*" is alleged, alleges, allegation…).
 */

export interface WordLists {
  /** Words that attribute a statement to whoever made it. */
  attribution: readonly string[];
  /** Verbs of alleged conduct: a sentence with one of them needs attribution in it. */
  conductVerbs: readonly string[];
  /** Words that judge or imply guilt; refused unless the text's owner gives a wordingReason. */
  loaded: readonly string[];
  /** Verdict words: only in ruling events (and summaries/statuses citing a ruling). */
  verdict: readonly string[];
  /** Words that tie a person's descriptor to the case. */
  caseVocabulary: readonly string[];
  /**
   * Capitalised words that are not personal names in case text: organisations, places, titles,
   * months, days. Two or more capitalised words in a row made only of these are not a name.
   */
  notNames: readonly string[];
}

export const WORDING: { en: WordLists; ur: WordLists } = {
  en: {
    attribution: [
      'alleg*',
      'accus*',
      'said',
      'says',
      'saying',
      'wrote',
      'writes',
      'told',
      'tweeted',
      'posted',
      'stated',
      'statement',
      'according to',
      'account',
      'accounts',
      'complain*',
      'described',
      'testified',
      'reported',
    ],
    conductVerbs: [
      'harassed',
      'harasses',
      'groped',
      'gropes',
      'assaulted',
      'assaults',
      'raped',
      'rapes',
      'abused',
      'abuses',
      'molested',
      'kissed',
    ],
    loaded: [
      'victim',
      'victims',
      'harasser',
      'harassers',
      'predator',
      'predators',
      'disgraced',
      'scandal',
      'scandals',
      'cleared',
      'exonerated',
      'admitted',
      'admits',
      'confessed',
      'confesses',
      'claim',
      'claims',
      'claimed',
      'lied',
      'liar',
    ],
    verdict: ['guilty', 'convicted', 'conviction', 'sentenced'],
    caseVocabulary: [
      'accus*',
      'alleg*',
      'harass*',
      'victim*',
      'survivor*',
      'predator*',
      'disgraced',
      'convicted',
      'acquitted',
      'abuser*',
      'misconduct',
      'assault*',
      'rapist*',
      'scandal*',
      'defam*',
      '#metoo',
      'metoo',
      'me too',
    ],
    notNames: [
      // Courts, agencies, organisations and their parts
      'supreme',
      'high',
      'court',
      'courts',
      'sessions',
      'district',
      'municipal',
      'special',
      'lahore',
      'islamabad',
      'sindh',
      'punjab',
      'boston',
      'new',
      'york',
      'sydney',
      'fia',
      'cyber',
      'crime',
      'wing',
      'nbc',
      'nbcuniversal',
      'news',
      'mit',
      'abc',
      'babe.net',
      'eater',
      'netflix',
      'pulitzer',
      'prize',
      'board',
      'review',
      'writers',
      "writers'",
      'festival',
      'olympics',
      'lux',
      'style',
      'awards',
      'the',
      'chew',
      'today',
      'twitter',
      'instagram',
      'facebook',
      'boston review',
      'williams',
      'connolly',
      'attorney',
      'general',
      'advocate',
      'governor',
      'ombudsperson',
      'chairman',
      'judge',
      'justice',
      'prevention',
      'of',
      'electronic',
      'crimes',
      'act',
      'defamation',
      'ordinance',
      'penal',
      'code',
      'catch',
      'and',
      'kill',
      'right',
      'now',
      'globe',
      'human',
      'resources',
      'in',
      'a',
      'an',
      'on',
      'at',
      'for',
      'canadian',
      'pakistani',
      'american',
      // Months and days
      'january',
      'february',
      'march',
      'april',
      'may',
      'june',
      'july',
      'august',
      'september',
      'october',
      'november',
      'december',
      'monday',
      'tuesday',
      'wednesday',
      'thursday',
      'friday',
      'saturday',
      'sunday',
    ],
  },
  // Urdu as the Pakistani press writes it. Whole words only; no stems ("*") where a shorter
  // Urdu word would swallow unrelated ones.
  ur: {
    attribution: [
      'الزام',
      'الزامات',
      'مبینہ',
      'مبینہ طور پر',
      'کہا',
      'کہنا',
      'کہنے',
      'کہتے',
      'کہتی',
      'بتایا',
      'لکھا',
      'بیان',
      'ٹویٹ',
      'پوسٹ',
      'کے مطابق',
      'کی جانب سے',
      'موقف',
      'شکایت',
      'عائد',
      'گواہی',
      'دعویٰ',
    ],
    conductVerbs: [
      'ہراساں کیا',
      'ہراساں کی',
      'ہراساں کرتے رہے',
      'زیادتی کی',
      'دست درازی کی',
      'جنسی حملہ کیا',
    ],
    loaded: [
      'متاثرہ',
      'ہراساں کرنے والا',
      'ہراساں کرنے والے',
      'درندہ',
      'رسوا',
      'رسوائی',
      'اسکینڈل',
      'سکینڈل',
      'بری الذمہ',
      'اعتراف',
      'جھوٹ بولا',
    ],
    verdict: ['مجرم', 'قصوروار', 'سزا', 'سزا یافتہ'],
    caseVocabulary: ['ملزم', 'ملزمہ', 'الزام', 'الزامات', 'ہراسانی', 'متاثرہ', 'مقدمہ', 'اسکینڈل'],
    notNames: [],
  },
};

export type WordingLanguage = keyof typeof WORDING;

/** A RegExp matching any entry of `list` as a whole word or phrase ("x*" matches any ending). */
export function wordPattern(list: readonly string[], flags = 'iu'): RegExp {
  const alternatives = list.map((entry) => {
    const stem = entry.endsWith('*') ? entry.slice(0, -1) : entry;
    const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
    return entry.endsWith('*') ? `${escaped}[\\p{L}\\p{M}]*` : escaped;
  });
  return new RegExp(
    `(?<![\\p{L}\\p{M}\\p{N}#])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}\\p{N}])`,
    flags,
  );
}

/** The sentences of a text: split after ".", "!", "?" (or Urdu "۔", "؟") and a space. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?۔؟]["'”’)]?)\s+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
