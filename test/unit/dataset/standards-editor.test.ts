/**
 * Harmful edits a standards editor would try on the shipped data (issue 13): each must be
 * refused by the checker, under the rule that names what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { checkDataset, formatProblem, type RuleId } from '../../../src/dataset/index';
import { readDatasetFiles, todayUtc } from '../../../scripts/dataset-files';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of data files
type Json = any;

function refusedBy(edit: (file: (path: string) => Json) => void): RuleId[] {
  const { files } = readDatasetFiles();
  const copies = files.map((f) => ({ path: f.path, json: structuredClone(f.json) as Json }));
  const file = (path: string): Json => {
    const found = copies.find((f) => f.path === path);
    if (!found) throw new Error(`no file ${path}`);
    return found.json;
  };
  edit(file);
  const { problems } = checkDataset(copies, todayUtc());
  return problems.map((p) => p.rule);
}

const event = (c: Json, id: string): Json => c.events.find((e: Json) => e.id === id);
const SHAFI = 'data/cases/shafi-zafar.json';

describe('harmful edits to the shipped data are refused', () => {
  it('the shipped data passes', () => {
    const { files } = readDatasetFiles();
    expect(checkDataset(files, todayUtc()).problems.map(formatProblem)).toEqual([]);
  });

  const cases: [string, RuleId, (file: (path: string) => Json) => void][] = [
    [
      'an allegation rewritten as fact',
      'text-unattributed',
      (file) =>
        (event(file(SHAFI), 'shafi-allegation').text.en =
          'Ali Zafar sexually harassed Meesha Shafi on more than one occasion.'),
    ],
    [
      'a later allegation left without the response that answered it',
      'allegation-response-missing',
      (file) => {
        const c = file('data/cases/lauer.json');
        c.events = c.events.filter((e: Json) => e.id !== 'lauer-open-letter');
      },
    ],
    [
      'a source from a site the notes reject',
      'source-blocked-publisher',
      (file) => {
        const c = file(SHAFI);
        c.sources.push({
          id: 'republic-2021-03-15',
          publisher: 'Republic World',
          title: 'Who is Meesha Shafi? Read here to find about the singer-actor from Pakistan',
          date: '2021-03-15',
          url: 'https://www.republicworld.com/entertainment-news/bollywood-news/who-is-meesha-shafi-read-here-to-find-about-the-singer-actor-from-pakistan.html',
        });
        event(c, 'quash-petition').sources.push('republic-2021-03-15');
      },
    ],
    [
      'a loaded descriptor',
      'descriptor-not-neutral',
      (file) => (file('data/people/ali-zafar.json').descriptor.en = 'Accused harasser'),
    ],
    [
      'a source dated years before the event it reports',
      'source-before-event',
      (file) => (event(file(SHAFI), 'sc-stays-criminal-trial').sources = ['firstpost-2018-04-19']),
    ],
    [
      '"acquitted" with no ruling in the timeline',
      'status-outcome-missing',
      (file) => (file('data/cases/ansari.json').status.kind = 'acquitted'),
    ],
    [
      'a helpline last checked years ago',
      'resource-check-overdue',
      (file) => (file('data/resources/us.json').resources[0].checked = '2021-01-15'),
    ],
    [
      'a private person named and described',
      'name-in-text-unlisted',
      (file) =>
        (event(file('data/cases/ansari.json'), 'babe-account').text.en =
          'Babe.net published an account by Jane Doe, a photographer, of a date with Ansari. She said he kept pressing for sex despite her signals.'),
    ],
    [
      'a court outcome dropped from summary and status',
      'outcome-not-in-summary',
      (file) => {
        const c = file('data/cases/batali.json');
        c.summary.sources = ['eonline-2017-12-11', 'onenewspage-2021-07-23'];
        c.summary.text.en =
          'In December 2017 Eater published allegations from four women against chef Mario Batali. He apologised. In 2021 he and his partners settled with the New York Attorney General.';
        c.status.sources = ['onenewspage-2021-07-23'];
        c.status.text.en = 'Settled with the New York Attorney General in 2021.';
      },
    ],
    [
      'the FIA charge sheet quoting "found guilty"',
      'text-verdict-word',
      (file) =>
        (event(file(SHAFI), 'fia-charge-sheet').text.en =
          'The FIA said in an interim charge sheet that the accused were "found guilty" on its evidence.'),
    ],
    [
      'the accused in the criminal case left without her response',
      'proceeding-response-missing',
      (file) => {
        const c = file(SHAFI);
        for (const e of c.events) {
          if (e.proceeding === 'fia-criminal-case' && e.by?.includes('meesha-shafi')) {
            e.by = [];
            e.kind = 'statement';
          }
        }
      },
    ],
    [
      'the RAINN number shown as letters that dial another number',
      'phone-mismatch',
      (file) =>
        (file('data/resources/us.json').resources[0].phone = {
          dial: '+18006564673',
          display: '800-656-HOPE (4673)',
        }),
    ],
    [
      'a loaded word in an event',
      'text-loaded-word',
      (file) => (event(file(SHAFI), 'other-accounts').text.en += ' One accuser admitted she lied.'),
    ],
    [
      'a truncated source title',
      'source-title-truncated',
      (file) => (file(SHAFI).sources[0].title = 'Ali Zafar accused of sexual misconduct…'),
    ],
  ];

  it.each(cases)('%s (%s)', (_name, rule, edit) => {
    expect(refusedBy(edit)).toContain(rule);
  });
});

describe('the shipped helplines', () => {
  it('RAINN dials +1 800 656 4673 and shows that number', () => {
    const { files } = readDatasetFiles();
    const us = files.find((f) => f.path === 'data/resources/us.json')?.json as Json;
    expect(us.resources[0].phone).toEqual({
      dial: '+18006564673',
      display: '1-800-656-4673 (800-656-HOPE)',
    });
  });
});
