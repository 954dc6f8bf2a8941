import { describe, expect, it } from 'vitest';
import { buildMatcher, type MatchPattern } from '../../../src/matcher/index';

/** The substrings of `text` the matcher reports, with their ids. */
function found(patterns: readonly MatchPattern[], text: string): [string, number][] {
  return buildMatcher(patterns)
    .search(text)
    .map(({ start, end, id }) => [text.slice(start, end), id]);
}

const aliZafar = [{ text: 'Ali Zafar', id: 7 }];

describe('case folding', () => {
  it('matches any letter case', () => {
    expect(found(aliZafar, 'ALI ZAFAR, ali zafar and aLi ZaFaR')).toEqual([
      ['ALI ZAFAR', 7],
      ['ali zafar', 7],
      ['aLi ZaFaR', 7],
    ]);
  });

  it('folds characters whose case forms differ in length or shape', () => {
    expect(found([{ text: 'Straße', id: 1 }], 'STRASSE')).toEqual([['STRASSE', 1]]);
    expect(found([{ text: 'ΣΊΣΥΦΟΣ', id: 2 }], 'σίσυφος')).toEqual([['σίσυφος', 2]]);
    expect(found([{ text: 'Istanbul', id: 3 }], 'İstanbul')).toEqual([['İstanbul', 3]]);
  });
});

describe('accent folding', () => {
  const diaz = [{ text: 'Díaz', id: 1 }];

  it('matches with or without accents, precomposed or combining', () => {
    expect(found(diaz, 'Diaz DÍAZ díaz')).toEqual([
      ['Diaz', 1],
      ['DÍAZ', 1],
      ['díaz', 1],
    ]);
    expect(found([{ text: 'Diaz', id: 1 }], 'Di\u0301az')).toEqual([['Di\u0301az', 1]]);
  });

  it('includes trailing combining marks in the range', () => {
    expect(found([{ text: 'Jose', id: 1 }], 'Jose\u0301 said')).toEqual([['Jose\u0301', 1]]);
  });
});

describe('compatibility forms', () => {
  it('matches full-width letters and maps offsets to the original', () => {
    const text = '见 Ａｌｉ　Ｚａｆａｒ。';
    expect(found(aliZafar, text)).toEqual([['Ａｌｉ　Ｚａｆａｒ', 7]]);
  });

  it('matches ligatures, which expand to several letters', () => {
    expect(found([{ text: 'Rafiq', id: 1 }], 'Mr Raﬁq.')).toEqual([['Raﬁq', 1]]);
    expect(found([{ text: 'Raﬁq', id: 1 }], 'RAFIQ')).toEqual([['RAFIQ', 1]]);
  });

  it('matches mathematical letters and reports UTF-16 offsets past astral characters', () => {
    const text = '😀 𝐀𝐥𝐢 Zafar';
    expect(buildMatcher(aliZafar).search(text)).toEqual([{ start: 3, end: text.length, id: 7 }]);
  });
});

describe('white space', () => {
  it('counts any run of white space or line breaks as one space', () => {
    for (const space of [
      '  ',
      '\u00A0',
      '\n',
      '\r\n',
      '\t ',
      '\u2028',
      '\u3000',
      '\u202F',
      ' \n\n ',
    ]) {
      expect(found(aliZafar, `x Ali${space}Zafar x`)).toEqual([[`Ali${space}Zafar`, 7]]);
    }
  });

  it('needs the space: words run together are another name', () => {
    expect(found(aliZafar, 'AliZafar')).toEqual([]);
  });

  it('ignores odd spacing in the patterns themselves', () => {
    expect(found([{ text: '  Ali \n Zafar ', id: 7 }], 'Ali Zafar')).toEqual([['Ali Zafar', 7]]);
  });
});

describe('ignored characters', () => {
  it('ignores zero-width characters, bidi marks and soft hyphens inside names', () => {
    for (const text of [
      'A\u200Bli Zafar',
      'Ali Za\u00ADfar',
      'Ali\u200D Zafar',
      '\u200FAli Zafar\u200E',
    ]) {
      expect(found(aliZafar, text)).toHaveLength(1);
    }
  });

  it('does not let a zero-width space stand in for a real one', () => {
    expect(found(aliZafar, 'Ali\u200BZafar')).toEqual([]);
  });
});

describe('apostrophes', () => {
  it('treats curly and straight apostrophes alike, both ways', () => {
    expect(found([{ text: "O'Brien", id: 1 }], 'O’Brien and O‘Brien')).toEqual([
      ['O’Brien', 1],
      ['O‘Brien', 1],
    ]);
    expect(found([{ text: 'O’Brien', id: 1 }], "O'Brien")).toEqual([["O'Brien", 1]]);
  });
});

describe('Urdu and Arabic script', () => {
  const urdu = [{ text: 'علی ظفر', id: 7 }];

  it('matches Arabic yeh and alef maksura for Urdu yeh', () => {
    expect(found(urdu, 'کل علي ظفر نے کہا')).toEqual([['علي ظفر', 7]]);
    expect(found(urdu, 'على ظفر')).toEqual([['على ظفر', 7]]);
  });

  it('matches Arabic kaf for keheh', () => {
    expect(found([{ text: 'ملک', id: 1 }], 'ملك')).toEqual([['ملك', 1]]);
  });

  it('matches Arabic heh, heh goal and do-chashmi heh alike', () => {
    const meesha = [{ text: 'میشا شفیع', id: 2 }];
    expect(found([{ text: 'شاہ', id: 1 }], 'شاه')).toEqual([['شاه', 1]]);
    expect(found([{ text: 'بھٹو', id: 1 }], 'بهٹو')).toEqual([['بهٹو', 1]]);
    expect(found(meesha, 'ميشا شفيع')).toEqual([['ميشا شفيع', 2]]);
  });

  it('ignores harakat and tatweel', () => {
    expect(found(urdu, 'عَلِی ظَفَر')).toEqual([['عَلِی ظَفَر', 7]]);
    expect(found(urdu, 'عـــلی ظفـر')).toEqual([['عـــلی ظفـر', 7]]);
  });

  it('matches presentation forms', () => {
    expect(found(urdu, 'ﻋﻠﻰ ﻇﻔﺮ')).toEqual([['ﻋﻠﻰ ﻇﻔﺮ', 7]]);
  });
});
