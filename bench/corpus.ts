// Deterministic synthetic corpora for the matcher benchmark: tracked names (Latin, Urdu, handles)
// and 5 MB of post-like text that mentions some of them, with the case, accent, spacing and
// script variants real pages have.

import type { MatchPattern } from '../src/matcher/index';

export type Script = 'latin' | 'mixed';

/** Mulberry32: small, fast, and the same corpus on every run. */
export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

const LATIN_ONSETS = [
  'b',
  'ch',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  'sh',
  't',
  'v',
  'w',
  'y',
  'z',
  '',
];
const LATIN_VOWELS = ['a', 'e', 'i', 'o', 'u', 'aa', 'ee', 'é', 'í', 'á', 'ia', 'ou'];
const LATIN_CODAS = ['', '', 'n', 'r', 'l', 's', 'm', 'd', 'z', 'q', 'f'];
const URDU_LETTERS = [...'ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنوہھءیے'];
const URDU_ARABIC_VARIANTS: Record<string, string> = { ی: 'ي', ک: 'ك', ہ: 'ه' };

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) {
    throw new RangeError('pick from an empty list');
  }

  return item;
}

function latinWord(random: () => number, syllables: number): string {
  let word = '';
  for (let index = 0; index < syllables; index++) {
    word += pick(random, LATIN_ONSETS) + pick(random, LATIN_VOWELS) + pick(random, LATIN_CODAS);
  }

  return word;
}

function urduWord(random: () => number, length: number): string {
  let word = '';
  for (let index = 0; index < length; index++) {
    word += pick(random, URDU_LETTERS);
  }

  return word;
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `count` distinct patterns: two-word names, a tenth of them handles; half Urdu when mixed. */
export function generateNames(count: number, script: Script, seed = 1): MatchPattern[] {
  const random = randomGenerator(seed);
  const seen = new Set<string>();
  const names: MatchPattern[] = [];
  while (names.length < count) {
    const id = names.length;
    let text: string;
    if (id % 10 === 9) {
      text = `@${latinWord(random, 2)}${latinWord(random, 1 + Math.floor(random() * 2))}`;
    } else if (script === 'mixed' && id % 2 === 1) {
      text = `${urduWord(random, 3 + Math.floor(random() * 3))} ${urduWord(random, 3 + Math.floor(random() * 3))}`;
    } else {
      const first = capitalize(latinWord(random, 1 + Math.floor(random() * 2)));
      text = `${first} ${capitalize(latinWord(random, 2 + Math.floor(random() * 2)))}`;
    }

    if (!seen.has(text)) {
      seen.add(text);
      names.push({ text, id });
    }
  }

  return names;
}

/** How a page might write a name: as is, in capitals, without accents, with odd spacing. */
function variantOf(random: () => number, name: string): string {
  const roll = random();
  if (roll < 0.5) {
    return name;
  }

  if (roll < 0.65) {
    return name.toUpperCase();
  }

  if (roll < 0.8) {
    return name.normalize('NFD').replace(/\p{Mn}/gu, '');
  }

  if (roll < 0.9) {
    return name
      .replace(' ', '\u00A0')
      .replace(/[یکہ]/g, (char) => URDU_ARABIC_VARIANTS[char] ?? char);
  }

  return name.replace(' ', ' \n ');
}

/**
 * About `length` UTF-16 code units of sentences from a vocabulary of made-up words, with a tracked
 * name roughly every 40 words.
 */
export function generateText(
  length: number,
  script: Script,
  names: readonly MatchPattern[],
  seed = 2,
): string {
  const random = randomGenerator(seed);
  const latinVocabulary = Array.from({ length: 5000 }, () =>
    latinWord(random, 1 + Math.floor(random() * 3)),
  );
  const urduVocabulary = Array.from({ length: 5000 }, () =>
    urduWord(random, 2 + Math.floor(random() * 5)),
  );
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const urdu = script === 'mixed' && random() < 0.5;
    const vocabulary = urdu ? urduVocabulary : latinVocabulary;
    const words = 6 + Math.floor(random() * 20);
    let sentence = '';
    for (let index = 0; index < words; index++) {
      const word =
        random() < 0.025 ? variantOf(random, pick(random, names).text) : pick(random, vocabulary);
      sentence += (index === 0 ? '' : random() < 0.08 ? ', ' : ' ') + word;
    }

    sentence += urdu ? '۔ ' : random() < 0.1 ? '!\n' : '. ';
    parts.push(sentence);
    size += sentence.length;
  }

  return parts.join('').slice(0, length);
}
