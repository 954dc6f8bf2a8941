import { describe, expect, test } from 'vitest';
import { languageOf } from '../../../src/content/card';

describe('languageOf (a source title or publisher, which the dataset gives no language)', () => {
  test('Urdu script is Urdu, right to left; Latin is English, left to right', () => {
    expect(languageOf('خاتون صحافی نے الزام لگادیا')).toEqual({ lang: 'ur', dir: 'rtl' });
    expect(languageOf('Dawn News (Urdu)')).toEqual({ lang: 'en', dir: 'ltr' });
  });

  test('the first letter decides, as dir="auto" would', () => {
    expect(languageOf('#Metoo: فیصل ایدھی')).toEqual({ lang: 'en', dir: 'ltr' });
    expect(languageOf('2018: فیصل ایدھی and Edhi')).toEqual({ lang: 'ur', dir: 'rtl' });
  });

  test('text without a letter claims no language', () => {
    expect(languageOf('2018-10-12')).toEqual({ dir: 'auto' });
  });
});
