import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMentionJudge,
  buildJudgeMatchers,
  loadJudgeMatchers,
  serializeJudgeMatchers,
  type IdentityIndex,
  type PageContext,
} from '../../../src/mentions/judge';
import { isProfileLink, platformOfHost } from '../../../src/mentions/platforms';

const SINGER = 0;
const ACCUSER = 1;
const CHEF = 2;

const INDEX: IdentityIndex = {
  names: [
    {
      text: 'Ali Zafar',
      person: SINGER,
      notBeside: ['Senator', 'Sen.', 'Syed', 'PTI'],
      needsConfirmation: true,
    },
    { text: 'علی ظفر', person: SINGER, notBeside: ['سینیٹر', 'سید'], needsConfirmation: true },
    { text: '@ali_zafar', person: SINGER, platform: 'instagram' },
    { text: 'Meesha Shafi', person: ACCUSER },
    { text: 'Meera Shafi', person: ACCUSER, needsConfirmation: true },
    { text: '@itsmeeshashafi', person: ACCUSER, platform: 'x' },
    { text: 'Mario Batali', person: CHEF },
  ],
  people: [
    { caseIds: ['shafi-zafar'], confirmingTerms: ['singer', 'Teefa', 'گلوکار'] },
    { caseIds: ['shafi-zafar'], confirmingTerms: ['singer'] },
    { caseIds: ['batali'], confirmingTerms: [] },
  ],
  lexicon: {
    strong: ['sexual harassment', 'harassment', '#MeToo', 'ہراسانی'],
    weak: [['alleged', 'allegation', 'allegations'], ['case', 'cases'], ['accused'], ['الزام']],
  },
};

const judge = createMentionJudge(INDEX);
const NEWS: PageContext = { host: 'www.dawn.com', linkOf: () => undefined };

function badged(text: string, page = NEWS, mode: 'harassment' | 'every' | 'off' = 'harassment') {
  return [...new Set(judge.judge([text], page, mode).map((m) => m.person))];
}

describe('the right person', () => {
  it('rules a name out when a namesake’s title stands right before it', () => {
    expect(badged('Senator Ali Zafar, the singer, spoke on sexual harassment.')).toEqual([]);
    expect(badged('PTI Sen. Ali Zafar said the singer case on harassment is next.')).toEqual([]);
    expect(badged('سینیٹر علی ظفر نے گلوکار کے ہراسانی کیس پر بات کی')).toEqual([]);
  });

  it('rules a name out when the title follows it, across commas and brackets', () => {
    expect(badged('Ali Zafar (PTI) said singer harassment claims are false.')).toEqual([]);
  });

  it('keeps the name when the title is further away or inside another word', () => {
    expect(badged('A senator said the singer Ali Zafar faces sexual harassment claims.')).toEqual([
      SINGER,
    ]);
    expect(badged('Syedah met singer Ali Zafar; #MeToo')).toEqual([SINGER]);
    expect(badged('Syedah met Ali Zafar the singer. #MeToo')).toEqual([SINGER]);
  });

  it('counts a later mention when the first one is a namesake', () => {
    const mentions = judge.judge(
      ['Senator Ali Zafar praised the singer Ali Zafar amid the harassment case.'],
      NEWS,
      'harassment',
    );
    expect(mentions.map((m) => m.startOffset)).toEqual([37]);
  });

  it('needs a confirming term for a name shared with a namesake', () => {
    expect(badged('Ali Zafar spoke about sexual harassment at the hearing.')).toEqual([]);
    const [mention] = judge.judge(
      ['Singer Ali Zafar spoke about sexual harassment.'],
      NEWS,
      'harassment',
    );
    expect(mention?.confirmedBy).toEqual({ kind: 'term', term: 'Singer' });
  });

  it('confirms a name through another party to the same case, named elsewhere', () => {
    expect(badged('Ali Zafar and Meesha Shafi met in court.')).toEqual([SINGER, ACCUSER]);
    const [mention] = judge.judge(['Ali Zafar and Meesha Shafi met in court.'], NEWS, 'harassment');
    expect(mention?.confirmedBy).toEqual({ kind: 'party', person: ACCUSER });
  });

  it('does not let two names that both need confirmation vouch for each other', () => {
    expect(badged('Ali Zafar and Meera Shafi discussed the harassment case.')).toEqual([]);
  });

  it('does not take one name shared by two people of a case for two parties', () => {
    const shared = createMentionJudge({
      ...INDEX,
      names: [
        { text: 'Sam Example', person: SINGER },
        { text: 'Sam Example', person: ACCUSER },
      ],
    });
    expect(shared.judge(['Sam Example sang.'], NEWS, 'harassment')).toEqual([]);
  });

  it('leaves out people the reader hid on this site', () => {
    const page = { ...NEWS, hidden: new Set([ACCUSER]) };
    expect(badged('Meesha Shafi spoke about harassment; so did Mario Batali.', page)).toEqual([
      CHEF,
    ]);
  });
});

describe('handles', () => {
  it('count as text on their own platform, any of its hosts', () => {
    for (const host of ['x.com', 'mobile.twitter.com']) {
      expect(badged('@itsmeeshashafi on #MeToo', { host, linkOf: () => undefined })).toEqual([
        ACCUSER,
      ]);
    }
  });

  it('never count as bare text elsewhere', () => {
    for (const host of ['www.reddit.com', 'news.ycombinator.com', 'www.dawn.com', 'x.com.evil']) {
      expect(badged('@itsmeeshashafi on #MeToo', { host, linkOf: () => undefined })).toEqual([]);
    }
    expect(
      badged('@itsmeeshashafi on #MeToo', { host: 'instagram.com', linkOf: () => undefined }),
    ).toEqual([]);
  });

  it('count elsewhere as a link to their profile on their platform', () => {
    const linked = (href: string) => ({ host: 'www.reddit.com', linkOf: () => href });
    expect(badged('@itsmeeshashafi on #MeToo', linked('https://x.com/itsmeeshashafi'))).toEqual([
      ACCUSER,
    ]);
    expect(
      badged('@itsmeeshashafi on #MeToo', linked('https://twitter.com/ItsMeeshaShafi/status/1')),
    ).toEqual([ACCUSER]);
    expect(badged('@itsmeeshashafi on #MeToo', linked('https://x.com/someoneelse'))).toEqual([]);
    expect(
      badged('@itsmeeshashafi on #MeToo', linked('https://www.instagram.com/itsmeeshashafi')),
    ).toEqual([]);
    expect(
      badged('@itsmeeshashafi on #MeToo', linked('https://evil.example/x.com/itsmeeshashafi')),
    ).toEqual([]);
  });

  it('a handle on its platform confirms the person without a confirming term', () => {
    expect(
      badged('@ali_zafar responds to harassment claims', {
        host: 'www.instagram.com',
        linkOf: () => undefined,
      }),
    ).toEqual([SINGER]);
  });
});

describe('relevance', () => {
  it('a strong term counts alone', () => {
    const [mention] = judge.judge(['Mario Batali and the #MeToo wave'], NEWS, 'harassment');
    expect(mention?.relevance).toEqual({ kind: 'terms', terms: ['#MeToo'] });
  });

  it('a neutral phrase hides the strong term inside it', () => {
    const withNeutral = createMentionJudge({
      ...INDEX,
      lexicon: { ...INDEX.lexicon, neutral: ['political harassment'] },
    });
    const badges = (text: string) =>
      withNeutral.judge([text], NEWS, 'harassment').map((mention) => mention.person);
    expect(badges('Mario Batali decried the political harassment of cooks.')).toEqual([]);
    expect(badged('Mario Batali decried the political harassment of cooks.')).toEqual([CHEF]);
    expect(badges('Mario Batali and political harassment; also #MeToo.')).toEqual([CHEF]);
  });

  it('one weak word is not enough, nor two forms of it', () => {
    expect(badged('Mario Batali was accused of copying a recipe.')).toEqual([]);
    expect(badged('Mario Batali denied the allegation; the allegations were old.')).toEqual([]);
    expect(badged('ماریو بتالی پر الزام')).toEqual([]);
  });

  it('two different weak words count, reported as written', () => {
    const [mention] = judge.judge(
      ['Mario Batali was ACCUSED in the Boston CASE.'],
      NEWS,
      'harassment',
    );
    expect(mention?.relevance).toEqual({ kind: 'terms', terms: ['ACCUSED', 'CASE'] });
  });

  it('for a person whose everyday news is legal, weak words never count; strong ones do', () => {
    const judgeOnly = createMentionJudge({
      ...INDEX,
      people: INDEX.people.map((person, i) =>
        i === CHEF ? { ...person, strongTermsOnly: true } : person,
      ),
    });
    const badges = (text: string) =>
      judgeOnly.judge([text], NEWS, 'harassment').map((mention) => mention.person);
    expect(badges('Mario Batali heard the case of a man accused of fraud.')).toEqual([]);
    expect(badges('Mario Batali and the #MeToo allegations.')).toEqual([CHEF]);
    expect(badged('Mario Batali heard the case of a man accused of fraud.')).toEqual([CHEF]);
  });

  it('another party to the same case counts, for those two only', () => {
    const mentions = judge.judge(
      ['Meesha Shafi and Ali Zafar shared a stage with Mario Batali.'],
      NEWS,
      'harassment',
    );
    expect(mentions.map((m) => [m.person, m.relevance])).toEqual([
      [ACCUSER, { kind: 'party', person: SINGER }],
      [SINGER, { kind: 'party', person: ACCUSER }],
    ]);
  });

  it('"every mention" still applies the identity rules; "off" badges nothing', () => {
    expect(badged('Mario Batali cooked.', NEWS, 'every')).toEqual([CHEF]);
    expect(badged('Senator Ali Zafar spoke.', NEWS, 'every')).toEqual([]);
    expect(badged('Mario Batali and #MeToo', NEWS, 'off')).toEqual([]);
  });

  it('reports the name as written, across segments', () => {
    const mentions = judge.judge(['Read: ', 'MARIO ', 'Batali', ' on #MeToo'], NEWS, 'harassment');
    expect(mentions).toEqual([
      {
        person: CHEF,
        startSegment: 1,
        startOffset: 0,
        endSegment: 2,
        endOffset: 6,
        written: 'MARIO Batali',
        relevance: { kind: 'terms', terms: ['#MeToo'] },
      },
    ]);
  });
});

describe('passing over a region before reading it (mayBeRelevant)', () => {
  it('passes over a name with nothing about a case beside it, unless every mention counts', () => {
    expect(judge.mayBeRelevant('Mario Batali opened a restaurant.', 'harassment')).toBe(false);
    expect(judge.mayBeRelevant('Mario Batali opened a restaurant.', 'every')).toBe(true);
    expect(judge.mayBeRelevant('Mario Batali on #MeToo', 'off')).toBe(false);
    expect(judge.mayBeRelevant('A restaurant opened.', 'every')).toBe(false);
  });

  it('keeps a region with a term, or with a second name (another party)', () => {
    expect(judge.mayBeRelevant('Mario Batali on #MeToo', 'harassment')).toBe(true);
    expect(judge.mayBeRelevant('Ali Zafar and Meesha Shafi met in court.', 'harassment')).toBe(
      true,
    );
  });

  it('never passes over text the judge would badge, in any mode', () => {
    const words = fc.constantFrom(
      'Ali Zafar',
      'Meesha Shafi',
      'Meera Shafi',
      'Mario Batali',
      '@itsmeeshashafi',
      'singer',
      'Senator',
      'harassment',
      'alleged',
      'case',
      'accused',
      'ہراسانی',
      'علی ظفر',
      'met',
      ' ',
      ', ',
      '\n',
    );
    const modes = fc.constantFrom('harassment' as const, 'every' as const, 'off' as const);
    fc.assert(
      fc.property(fc.array(words, { maxLength: 10 }), modes, (parts, mode) => {
        const text = parts.join(' ');
        const page = { host: 'x.com', linkOf: () => undefined };
        if (judge.judge([text], page, mode).length > 0) {
          expect(judge.mayBeRelevant(text, mode)).toBe(true);
          // As the page's candidate finder asks it, with the names already counted.
          expect(judge.mayBeRelevant(text, mode, judge.countNames(text))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('platforms', () => {
  it('knows each platform by its hosts and subdomains, and nothing else', () => {
    expect(platformOfHost('x.com')).toBe('x');
    expect(platformOfHost('mobile.twitter.com')).toBe('x');
    expect(platformOfHost('www.instagram.com')).toBe('instagram');
    expect(platformOfHost('m.facebook.com')).toBe('facebook');
    expect(platformOfHost('notx.com')).toBeUndefined();
    expect(platformOfHost('www.reddit.com')).toBeUndefined();
  });

  it('recognises profile links by platform path shape', () => {
    expect(isProfileLink('https://www.tiktok.com/@someone', 'tiktok', 'someone')).toBe(true);
    expect(isProfileLink('https://www.tiktok.com/someone', 'tiktok', 'someone')).toBe(false);
    expect(isProfileLink('https://bsky.app/profile/someone', 'bluesky', 'someone')).toBe(true);
    expect(isProfileLink('javascript:alert(1)//x.com/someone', 'x', 'someone')).toBe(false);
    expect(isProfileLink('not a url', 'x', 'someone')).toBe(false);
  });
});

describe('matchers built once, elsewhere', () => {
  it('judges as the judge that built its own, once serialized and loaded', () => {
    const loaded = createMentionJudge(
      INDEX,
      loadJudgeMatchers(serializeJudgeMatchers(buildJudgeMatchers(INDEX))),
    );
    const posts = [
      'Meesha Shafi and Ali Zafar: the singer’s sexual harassment case',
      'Senator Ali Zafar spoke on harassment',
      'Mario Batali opened a restaurant.',
      'علی ظفر کیس میں ہراسانی کا الزام',
    ];
    for (const post of posts) {
      expect(loaded.judge([post], NEWS, 'harassment')).toEqual(
        judge.judge([post], NEWS, 'harassment'),
      );
      expect(loaded.countNames(post)).toBe(judge.countNames(post));
      expect(loaded.mayBeRelevant(post, 'harassment')).toBe(
        judge.mayBeRelevant(post, 'harassment'),
      );
    }
    expect(loaded.judge([posts[0] ?? ''], NEWS, 'harassment').length).toBeGreaterThan(0);
  });

  it('refuses text that is not a serialized matcher', () => {
    const good = serializeJudgeMatchers(buildJudgeMatchers(INDEX));
    expect(() => loadJudgeMatchers({ ...good, lexicon: 'bm90IGEgbWF0Y2hlcg==' })).toThrow();
    expect(() => loadJudgeMatchers({ ...good, names: good.names.slice(0, 40) })).toThrow();
  });
});
