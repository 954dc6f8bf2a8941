import { describe, expect, test } from 'vitest';
import type { CompiledIndex } from '../../src/dataset/compiled';
import { saveFailureText } from '../../src/options/Options';
import { sourceTextLanguage } from '../../src/ui/text-language';
import type { Translate } from '../../src/ui/i18n';
import { personName } from '../../src/ui/person-name';

const t: Translate = (key, ...values) => [key, ...values].join('|');

describe('saveFailureText', () => {
  test('an exception without a code is a translated sentence, never its raw text', () => {
    expect(saveFailureText(t, new Error('QuotaExceededError: quota'))).toBe(
      'optionsSaveFailedGeneric',
    );
    expect(saveFailureText(t, 'plain string')).toBe('optionsSaveFailedGeneric');
  });

  test('a background that did not answer is said by its code', () => {
    expect(saveFailureText(t, { code: 'no-answer' })).toBe(
      'optionsSaveFailed|datasetError_no_answer',
    );
  });
});

describe('personName', () => {
  const index = {
    people: [
      { id: 'a', name: { en: 'Ayesha', ur: 'عائشہ' } },
      { id: 'b', name: { en: 'Bo' } },
    ],
  } as unknown as CompiledIndex;

  test('the name in the reader language, English where there is no Urdu, with its language', () => {
    expect(personName(index, 'a', 'ur')).toEqual({ text: 'عائشہ', lang: 'ur' });
    expect(personName(index, 'b', 'ur')).toEqual({ text: 'Bo', lang: 'en' });
    expect(personName(index, 'a', 'en')).toEqual({ text: 'Ayesha', lang: 'en' });
  });

  test('the id, as English, where the dataset has no such person (or none is loaded)', () => {
    expect(personName(index, 'gone', 'ur')).toEqual({ text: 'gone', lang: 'en' });
    expect(personName(null, 'a', 'en')).toEqual({ text: 'a', lang: 'en' });
  });
});

describe('sourceTextLanguage', () => {
  test('Urdu script is Urdu, right to left; Latin is English; other scripts keep their own direction', () => {
    expect(sourceTextLanguage('میشا شفیع کا مقدمہ')).toEqual({ lang: 'ur', dir: 'rtl' });
    expect(sourceTextLanguage('Dawn: LHC hears Ali Zafar case')).toEqual({
      lang: 'en',
      dir: 'ltr',
    });
    expect(sourceTextLanguage('BBC اردو')).toEqual({ lang: 'ur', dir: 'rtl' });
    expect(sourceTextLanguage('दैनिक भास्कर')).toEqual({ dir: 'auto' });
    expect(sourceTextLanguage('2018-10-12')).toEqual({ dir: 'auto' });
  });

  test('an Urdu headline with a Latin word in it is still Urdu', () => {
    expect(sourceTextLanguage('#Metoo: فیصل ایدھی')).toEqual({ lang: 'ur', dir: 'rtl' });
    expect(sourceTextLanguage('Dawn News (Urdu)')).toEqual({ lang: 'en', dir: 'ltr' });
  });
});
