/**
 * The fairness rules (src/dataset/fairness.ts): each on the minimal dataset with one thing made
 * unfair, as in check-rules.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../../src/dataset/index';
import { monthsBefore, nameCandidates } from '../../../src/dataset/fairness';
import { WORDING } from '../../../src/dataset/wording';
import { telHref } from '../../../src/popup/phone';
import { checkMutated, expectProblem, type MinimalDataset } from './minimal-dataset';

type Json = Record<string, unknown>;

const run = checkMutated;

function check(mutate: (d: MinimalDataset) => void): Problem[] {
  return run(mutate).problems;
}

function expectClean(problems: Problem[]): void {
  expect(problems.map(formatProblem)).toEqual([]);
}

const ALICE = 'data/people/alice-example.json';
const RESOURCES = 'data/resources/pk.json';

const events = (d: MinimalDataset) => d.case.events as unknown as Json[];
const event = (d: MinimalDataset, i: number): Json & { text: { en: string; ur?: string } } =>
  events(d)[i] as Json & { text: { en: string; ur?: string } };

/** The minimal case with Bob as defendant in Alice's suit, answered by his defence. */
function withSuit(d: MinimalDataset, answered = true): void {
  d.case.proceedings = [
    {
      id: 'alice-suit',
      kind: 'civil-suit',
      title: { en: 'Alice Example’s suit' },
      parties: [
        { person: 'alice-example', role: 'plaintiff' },
        { person: 'bob-example', role: 'defendant' },
      ],
      state: 'pending',
    },
  ];
  events(d).push({
    id: 'suit-filed',
    date: '2024-02-01',
    kind: 'legal-step',
    by: ['alice-example'],
    concerning: ['bob-example'],
    proceeding: 'alice-suit',
    text: { en: 'Alice Example sued Bob Example for damages.' },
    sources: ['denial'],
  });
  if (answered) {
    events(d).push({
      id: 'defence',
      date: '2024-03-01',
      kind: 'legal-step',
      by: ['bob-example'],
      proceeding: 'alice-suit',
      text: { en: 'Bob Example filed his defence.' },
      sources: ['denial'],
    });
  }
  d.case.sources[1].date = '2024-03-02';
  d.case.newestSourceFound = '2024-03-02';
}

describe('fairness rules', () => {
  describe('allegation-response-missing', () => {
    it('a later allegation answered only by an earlier response', () => {
      expectProblem(
        check((d) => {
          events(d).push({
            id: 'second-allegation',
            date: '2024-06-01',
            kind: 'allegation',
            by: ['alice-example'],
            concerning: ['bob-example'],
            text: { en: 'Alice Example alleged a second incident.' },
            sources: ['second'],
          });
          d.case.sources.push({ ...d.case.sources[0], id: 'second', date: '2024-06-02' });
          d.case.newestSourceFound = '2024-06-02';
        }),
        'allegation-response-missing',
        { path: '$.events[2]', text: '"second-allegation"' },
      );
    });
    it('an agency claim needs the response of the person it concerns', () => {
      expectProblem(
        check((d) => {
          d.case.status.sources = ['denial'];
          events(d).push({
            id: 'charge-sheet',
            date: '2024-05',
            kind: 'agency-claim',
            concerning: ['alice-example'],
            text: { en: 'The agency said in a charge sheet that Alice Example defamed Bob.' },
            sources: ['denial'],
          });
          d.case.sources[1].date = '2024-05-02';
          d.case.newestSourceFound = '2024-05-02';
        }),
        'allegation-response-missing',
        { text: '"alice-example"' },
      );
    });
    it('is satisfied by a "noPublicResponse" tied to the event', () => {
      expectClean(
        check((d) => {
          events(d).splice(1, 1);
          d.case.status.sources = ['allegation'];
          d.case.summary.sources = ['allegation'];
          d.case.sources.splice(1, 1);
          d.case.noPublicResponse = [
            { person: 'bob-example', event: 'allegation', checked: '2026-11-01' },
          ];
        }),
      );
    });
    it('a "noPublicResponse" naming an event that does not exist', () => {
      expectProblem(
        check(
          (d) =>
            (d.case.noPublicResponse = [
              { person: 'bob-example', event: 'nothing', checked: '2026-11-01' },
            ]),
        ),
        'unknown-reference',
        { path: '$.noPublicResponse[0].event' },
      );
    });
  });

  it('response-no-responder: a response without "by"', () => {
    expectProblem(
      check((d) => delete event(d, 1).by),
      'response-no-responder',
      { path: '$.events[1].by' },
    );
  });

  describe('proceeding-response-missing', () => {
    it('a defendant with no response in the proceeding', () => {
      expectProblem(
        check((d) => withSuit(d, false)),
        'proceeding-response-missing',
        { path: '$.proceedings[0].parties[1]', text: '"bob-example" is defendant in "alice-suit"' },
      );
    });
    it('is satisfied by a defence in the proceeding, or a dated absence', () => {
      expectClean(check((d) => withSuit(d, true)));
      expectClean(
        check((d) => {
          withSuit(d, false);
          d.case.noPublicResponse = [
            { person: 'bob-example', proceeding: 'alice-suit', checked: '2026-11-01' },
          ];
        }),
      );
    });
    it('an event in a proceeding that does not exist', () => {
      expectProblem(
        check((d) => {
          withSuit(d, true);
          event(d, 3).proceeding = 'other-suit';
        }),
        'unknown-reference',
        { path: '$.events[3].proceeding' },
      );
    });
  });

  it('event-proceeding-missing: a suit against a person outside any proceeding', () => {
    expectProblem(
      check((d) => {
        withSuit(d, true);
        delete event(d, 2).proceeding;
      }),
      'event-proceeding-missing',
      { path: '$.events[2].proceeding', text: '"suit-filed"' },
    );
  });

  describe('text-unattributed', () => {
    it('an allegation rewritten as fact', () => {
      expectProblem(
        check((d) => (event(d, 0).text = { en: 'Bob Example sexually harassed Alice Example.' })),
        'text-unattributed',
        { path: '$.events[0].text.en', text: 'states alleged conduct as fact' },
      );
    });
    it('a summary clause stating conduct, even when a later clause attributes something', () => {
      expectProblem(
        check(
          (d) =>
            (d.case.summary.text = {
              en: 'Bob Example groped Alice Example; he denied the accusation.',
            }),
        ),
        'text-unattributed',
        { path: '$.summary.text.en' },
      );
    });
    it('an allegation with no attribution at all', () => {
      expectProblem(
        check((d) => (event(d, 0).text = { en: 'Inappropriate behaviour at a studio in 2017.' })),
        'text-unattributed',
        { text: 'does not say who makes' },
      );
    });
  });

  describe('text-loaded-word', () => {
    it.each(['victim', 'harasser', 'scandal', 'cleared', 'admitted', 'claimed', 'lied'])(
      'refuses "%s"',
      (word) => {
        expectProblem(
          check((d) => (event(d, 1).text = { en: `Bob Example denied it; he ${word} nothing.` })),
          'text-loaded-word',
          { path: '$.events[1].text.en', text: `"${word}"` },
        );
      },
    );
    it('is allowed with a written reason', () => {
      expectClean(
        check((d) => {
          event(d, 1).text = { en: 'Bob Example denied it and said the claims were false.' };
          event(d, 1).wordingReason = 'His own word, quoted.';
        }),
      );
    });
  });

  describe('the wording rules in Urdu', () => {
    it('an Urdu allegation stating conduct as fact', () => {
      expectProblem(
        check(
          (d) =>
            (event(d, 0).text = {
              ...event(d, 0).text,
              ur: 'باب ایگزامپل نے ایلس ایگزامپل کو ہراساں کیا۔',
            }),
        ),
        'text-unattributed',
        { path: '$.events[0].text.ur', text: 'states alleged conduct as fact' },
      );
    });
    it('accepts the allegation attributed to who made it', () => {
      const problems = check(
        (d) =>
          (event(d, 0).text = {
            ...event(d, 0).text,
            ur: 'ایلس ایگزامپل نے الزام لگایا کہ باب ایگزامپل نے انہیں ہراساں کیا۔',
          }),
      );
      expect(problems.filter((p) => p.path === '$.events[0].text.ur')).toEqual([]);
    });
    it('refuses a loaded Urdu word', () => {
      expectProblem(
        check(
          (d) =>
            (event(d, 1).text = {
              ...event(d, 1).text,
              ur: 'باب ایگزامپل نے اس اسکینڈل میں الزام کی تردید کی۔',
            }),
        ),
        'text-loaded-word',
        { path: '$.events[1].text.ur', text: '"اسکینڈل"' },
      );
    });
  });

  describe('text-verdict-word', () => {
    it('"guilty" outside a ruling', () => {
      expectProblem(
        check((d) => (event(d, 1).text = { en: 'Bob Example said he was not guilty of it.' })),
        'text-verdict-word',
        { path: '$.events[1].text.en' },
      );
    });
    it('"found guilty" quoted in an agency claim, even with a reason', () => {
      expectProblem(
        check((d) => {
          events(d).push({
            id: 'charge-sheet',
            date: '2024-01',
            kind: 'agency-claim',
            concerning: ['bob-example'],
            text: { en: 'The agency said the accused were "found guilty" on its evidence.' },
            wordingReason: 'A quote.',
            sources: ['denial'],
          });
        }),
        'text-verdict-word',
        { path: '$.events[2].text.en', text: 'in a quote' },
      );
    });
    it('accepts a plea of not guilty, and a verdict in a ruling', () => {
      expectClean(
        check((d) => {
          event(d, 1).text = { en: 'Bob Example pleaded not guilty.' };
          events(d).push({
            id: 'verdict',
            date: '2024-01-02',
            kind: 'ruling',
            text: { en: 'The court found Bob Example not guilty.' },
            sources: ['denial'],
          });
        }),
      );
    });
  });

  describe('descriptor-not-neutral', () => {
    it.each(['Accused harasser', 'Singer accused of harassment', 'Survivor and activist'])(
      'refuses %j',
      (descriptor) => {
        expectProblem(
          check((d) => (d.alice.descriptor = { en: descriptor })),
          'descriptor-not-neutral',
          { file: ALICE, path: '$.descriptor.en' },
        );
      },
    );
  });

  it('descriptor-missing-urdu: a name in Urdu with a descriptor only in English', () => {
    expectProblem(
      check((d) => (d.alice.name = { en: 'Alice Example', ur: 'ایلس' })),
      'descriptor-missing-urdu',
      { file: ALICE, path: '$.descriptor' },
    );
  });

  it('source-before-event: a source dated years before the event', () => {
    expectProblem(
      check((d) => (d.case.sources[1].date = '2019-05-01')),
      'source-before-event',
      { path: '$.events[1].sources[0]', text: '"denial" (2019-05-01)' },
    );
  });

  it('source-blocked-publisher: a source on a blocked domain (subdomains too)', () => {
    expectProblem(
      check((d) => (d.case.sources[0].url = 'https://www.partisan.example/story')),
      'source-blocked-publisher',
      { path: '$.sources[0].url', text: 'Openly partisan' },
    );
  });

  describe('source-repost-unlabelled', () => {
    it('a repost that does not say what it reposts', () => {
      expectProblem(
        check((d) => (d.case.sources[0].url = 'https://reposts.example/a')),
        'source-repost-unlabelled',
        { path: '$.sources[0].publisher' },
      );
    });
    it('accepts a labelled repost', () => {
      expectClean(
        check((d) => {
          d.case.sources[0].url = 'https://reposts.example/a';
          d.case.sources[0].publisher = 'reposts.example (repost of Example News)';
        }),
      );
    });
  });

  it.each(['Singer accused…', 'Singer accused...'])('source-title-truncated: %j', (title) => {
    expectProblem(
      check((d) => (d.case.sources[0].title = title)),
      'source-title-truncated',
      { path: '$.sources[0].title' },
    );
  });

  describe('source-listing-page', () => {
    it.each([
      'https://news.example/tag/singer',
      'https://news.example/search?q=singer',
      'https://news.example/?s=singer',
      'https://news.example/category/showbiz/',
      'https://news.example/topic/metoo',
      'https://news.example/blog/page/2/',
    ])('refuses %s', (url) => {
      expectProblem(
        check((d) => (d.case.sources[0].url = url)),
        'source-listing-page',
        { path: '$.sources[0].url' },
      );
    });
    it('is allowed with a reason until the permalink is found', () => {
      expectClean(
        check((d) => {
          d.case.sources[0].url = 'https://news.example/blog/page/2/';
          d.case.sources[0].listingPageReason = 'The post was read here; permalink not recorded.';
        }),
      );
    });
  });

  describe('status-outcome-missing', () => {
    it('"acquitted" with no ruling in the timeline', () => {
      expectProblem(
        check((d) => (d.case.status.kind = 'acquitted')),
        'status-outcome-missing',
        { path: '$.status.kind' },
      );
    });
    it('"convicted" with only an acquittal in the timeline', () => {
      expectProblem(
        check((d) => {
          d.case.status.kind = 'convicted';
          events(d).push({
            id: 'verdict',
            date: '2024-01-02',
            kind: 'ruling',
            text: { en: 'The court found Bob Example not guilty.' },
            sources: ['denial'],
          });
        }),
        'status-outcome-missing',
        { text: '"convicted"' },
      );
    });
    it('"settled" with no settlement event', () => {
      expectProblem(
        check((d) => (d.case.status.kind = 'settled')),
        'status-outcome-missing',
      );
    });
    it('a decided proceeding with no ruling in it', () => {
      expectProblem(
        check((d) => {
          withSuit(d, true);
          d.case.proceedings = (d.case.proceedings as Json[]).map((p) => ({
            ...p,
            state: 'decided',
          }));
        }),
        'status-outcome-missing',
        { path: '$.proceedings[0].state' },
      );
    });
  });

  it('status-ongoing-no-pending: "ongoing" with nothing pending', () => {
    expectProblem(
      check((d) => (d.case.status.kind = 'ongoing')),
      'status-ongoing-no-pending',
      { path: '$.status.kind' },
    );
  });

  describe('review-overdue', () => {
    it('an open case reviewed more than 6 months ago', () => {
      expectProblem(
        check((d) => {
          d.case.lastReviewed = '2026-05-01';
          d.case.status.asOf = '2026-05-01';
        }),
        'review-overdue',
        { path: '$.lastReviewed', text: 'more than 6 months' },
      );
    });
    it('a closed case may be up to 24 months old', () => {
      const closed = (d: MinimalDataset, date: string) => {
        d.case.status.kind = 'no-proceedings-found';
        d.case.lastReviewed = date;
        d.case.status.asOf = date;
      };
      expectClean(check((d) => closed(d, '2025-01-01')));
      expectProblem(
        check((d) => closed(d, '2024-10-01')),
        'review-overdue',
        { path: '$.status.asOf', text: '24 months' },
      );
    });
  });

  it('status-sources-old: a warning, and the dataset is still returned', () => {
    const result = run((d) => withSuit(d, true));
    expect(result.problems).toEqual([]);
    const warned = run((d) => {
      withSuit(d, true);
      d.case.status.kind = 'ongoing';
    });
    expect(warned.problems.map(formatProblem)).toEqual([]);
    expect(warned.dataset).toBeDefined();
    expectProblem(warned.warnings, 'status-sources-old', { path: '$.status' });
  });

  it('review-dates-inconsistent: newestSourceFound is not the newest source', () => {
    expectProblem(
      check((d) => (d.case.newestSourceFound = '2023')),
      'review-dates-inconsistent',
      { path: '$.newestSourceFound' },
    );
  });

  it('outcome-not-in-summary: a ruling cited in neither summary nor status', () => {
    expectProblem(
      check((d) => {
        events(d).push({
          id: 'dismissal',
          date: '2024-01-02',
          kind: 'ruling',
          text: { en: 'The court dismissed the complaint.' },
          sources: ['ruling'],
        });
        d.case.sources.push({ ...d.case.sources[0], id: 'ruling', url: 'https://news.example/r' });
      }),
      'outcome-not-in-summary',
      { path: '$.events[2]', text: '"dismissal"' },
    );
  });

  describe('name-in-text-unlisted', () => {
    it('a private person named in an event', () => {
      expectProblem(
        check(
          (d) =>
            (event(d, 0).text = {
              en: 'Alice Example alleged that Bob Example harassed her friend Carol Private.',
            }),
        ),
        'name-in-text-unlisted',
        { path: '$.events[0].text.en', text: '"Carol Private"' },
      );
    });
    it('accepts a name listed with a reason, organisations, places and titles', () => {
      expectClean(
        check((d) => {
          event(d, 0).text = {
            en: 'Alice Example told Judge James Stanton of the Lahore High Court in March that Bob Example harassed her.',
          };
          d.case.namedInText = [{ name: 'James Stanton', reason: 'The judge.' }];
        }),
      );
    });
    it('finds runs of capitalised words, not words with digits or single words', () => {
      const notNames = new Set(WORDING.en.notNames);
      expect(nameCandidates("Shafi's Rs2 billion suit; Zinzi Clemmons wrote.", notNames)).toEqual([
        'Zinzi Clemmons',
      ]);
      expect(nameCandidates('The Supreme Court of Pakistan heard Shafi.', notNames)).toEqual([]);
    });
  });

  it('resource-check-overdue: a helpline last checked years ago', () => {
    expectProblem(
      check((d) => (d.resources.resources[0].checked = '2023-01-01')),
      'resource-check-overdue',
      { file: RESOURCES, path: '$.resources[0].checked' },
    );
  });

  describe('phone-mismatch', () => {
    const phone = (dial: string, display: string) => (d: MinimalDataset) => {
      d.resources.resources[0].phone = { dial, display };
    };
    it('a vanity display that is not the number dialled', () => {
      expectProblem(check(phone('+9280000000', '0800-HELP (4357)')), 'phone-mismatch', {
        path: '$.resources[0].phone',
      });
    });
    it('a display that shows a different number', () => {
      expectProblem(check(phone('+9280000000', '0800-00001')), 'phone-mismatch', {
        text: 'shows +9280000001',
      });
    });
    it('a number of another region', () => {
      expectProblem(check(phone('+18006564673', '1-800-656-4673')), 'phone-mismatch', {
        text: 'not PK',
      });
    });
    it('a short code shown as other digits', () => {
      expectProblem(check(phone('1099', '1098')), 'phone-mismatch');
    });
    it('a dial string that is not a number', () => {
      expectProblem(check(phone('800-656-HOPE', '800-656-HOPE')), 'schema', {
        path: '$.resources[0].phone.dial',
      });
    });
    it('accepts the same number written for readers, and short codes', () => {
      expectClean(check(phone('+9280000000', '0800 000 00')));
      expectClean(check(phone('1099', '1099')));
    });
  });
});

describe('helpers', () => {
  it('monthsBefore clamps to the end of a shorter month', () => {
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2026-12-03', 12)).toBe('2025-12-03');
  });
  it('telHref dials the stored number', () => {
    expect(telHref({ dial: '+18006564673' })).toBe('tel:+18006564673');
  });
});
