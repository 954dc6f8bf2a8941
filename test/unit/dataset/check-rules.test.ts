import { describe, expect, it } from 'vitest';
import {
  checkDataset,
  formatProblem,
  type DatasetFileInput,
  type Problem,
} from '../../../src/dataset/index';
import {
  checkMutated,
  expectProblem,
  filesOf,
  minimalDataset,
  TODAY,
  type MinimalDataset,
} from './minimal-dataset';

function check(mutate: (d: MinimalDataset) => void, extra: DatasetFileInput[] = []): Problem[] {
  return checkMutated(mutate, extra).problems;
}

const CASE = 'data/cases/example-case.json';
const ALICE = 'data/people/alice-example.json';
const BOB = 'data/people/bob-example.json';
const RESOURCES = 'data/resources/pk.json';

describe('checkDataset', () => {
  it('accepts the minimal dataset and returns it', () => {
    const result = checkDataset(filesOf(minimalDataset()), TODAY);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.dataset?.cases[0]?.id).toBe('example-case');
    expect(result.dataset?.people[0]?.handles).toEqual([]);
  });

  it('formats a problem as "file: path: [rule] message"', () => {
    const [p] = check((d) => delete d.case.lastReviewed);
    expect(p && formatProblem(p)).toMatch(
      /^data\/cases\/example-case\.json: \$\.lastReviewed: \[last-reviewed-missing\] /,
    );
  });

  describe('schema', () => {
    it('rejects a wrong type, with the JSON path', () => {
      expectProblem(
        check((d) => (d.meta.datasetVersion = '3')),
        'schema',
        {
          file: 'data/dataset.json',
          path: '$.datasetVersion',
        },
      );
    });
    it('rejects an unknown (misspelt) field', () => {
      expectProblem(
        check((d) => (d.alice.nmaes = [])),
        'schema',
        {
          file: ALICE,
          path: '$.nmaes',
          text: 'Unknown field "nmaes"',
        },
      );
    });
    it('rejects an unknown event kind', () => {
      expectProblem(
        check((d) => (d.case.events[0].kind = 'verdict')),
        'schema',
        {
          path: '$.events[0].kind',
        },
      );
    });
  });

  it('file-unknown: a file outside the known folders', () => {
    expectProblem(
      check(() => {}, [{ path: 'data/notes/todo.json', json: {} }]),
      'file-unknown',
      {
        file: 'data/notes/todo.json',
      },
    );
  });

  it('dataset-meta: no dataset.json, or two', () => {
    const d = minimalDataset();
    const withoutMeta = filesOf(d).filter((f) => f.path !== 'data/dataset.json');
    expectProblem(checkDataset(withoutMeta, TODAY).problems, 'dataset-meta');
    expectProblem(
      check(() => {}, [{ path: 'data/extra/dataset.json', json: d.meta }]),
      'dataset-meta',
      {
        file: 'data/extra/dataset.json',
      },
    );
  });

  describe('statement-unsourced', () => {
    it('an event without sources', () => {
      expectProblem(
        check((d) => delete d.case.events[1].sources),
        'statement-unsourced',
        {
          file: CASE,
          path: '$.events[1].sources',
        },
      );
    });
    it('a summary with an empty source list', () => {
      expectProblem(
        check((d) => (d.case.summary.sources = [])),
        'statement-unsourced',
        {
          path: '$.summary.sources',
        },
      );
    });
    it('a status without sources', () => {
      expectProblem(
        check((d) => delete d.case.status.sources),
        'statement-unsourced',
        {
          path: '$.status.sources',
        },
      );
    });
  });

  describe('source-incomplete', () => {
    it.each(['publisher', 'title', 'url'])('a source without %s', (field) => {
      expectProblem(
        check((d) => Reflect.deleteProperty(d.case.sources[0], field)),
        'source-incomplete',
        {
          path: `$.sources[0].${field}`,
        },
      );
    });
    it('a source with neither date nor accessed', () => {
      expectProblem(
        check((d) => delete d.case.sources[0].date),
        'source-incomplete',
        {
          path: '$.sources[0]',
        },
      );
    });
    it('accepts an undated page with an access date', () => {
      const problems = check((d) => {
        delete d.case.sources[0].date;
        d.case.sources[0].accessed = '2026-11';
      });
      expect(problems).toEqual([]);
    });
    it('a source whose URL is not http(s)', () => {
      expectProblem(
        check((d) => (d.case.sources[0].url = 'ftp://news.example/a')),
        'source-incomplete',
        {
          path: '$.sources[0].url',
        },
      );
      expectProblem(
        check((d) => (d.case.sources[0].url = 'javascript:alert(1)')),
        'source-incomplete',
      );
    });
    it('an empty publisher on a handle source', () => {
      expectProblem(
        check((d) => (d.bob.handles[0].source.publisher = '')),
        'source-incomplete',
        { file: BOB, path: '$.handles[0].source.publisher' },
      );
    });
  });

  it('source-unused: a listed source nobody cites', () => {
    expectProblem(
      check((d) => d.case.sources.push({ ...d.case.sources[0], id: 'spare' })),
      'source-unused',
      { path: '$.sources[2]', text: '"spare"' },
    );
  });

  describe('response-missing', () => {
    it('an allegation without a response from the person named', () => {
      expectProblem(
        check((d) => {
          d.case.events.splice(1, 1);
          d.case.status.sources = ['allegation'];
          d.case.summary.sources = ['allegation'];
          d.case.sources.splice(1, 1);
        }),
        'response-missing',
        { text: '"bob-example"' },
      );
    });
    it('is satisfied by a dated "no public response found"', () => {
      const problems = check((d) => {
        d.case.events.splice(1, 1);
        d.case.status.sources = ['allegation'];
        d.case.summary.sources = ['allegation'];
        d.case.sources.splice(1, 1);
        d.case.noPublicResponse = [
          { person: 'bob-example', event: 'allegation', checked: '2026-11-01' },
        ];
      });
      expect(problems).toEqual([]);
    });
    it('needs the "no public response" entry to be dated', () => {
      expectProblem(
        check((d) => (d.case.noPublicResponse = [{ person: 'bob-example' }])),
        'schema',
        { path: '$.noPublicResponse[0].checked' },
      );
    });
  });

  it('public-figure-unmarked: a person without the publicFigure flag', () => {
    expectProblem(
      check((d) => delete d.alice.publicFigure),
      'public-figure-unmarked',
      {
        file: ALICE,
        path: '$.publicFigure',
      },
    );
  });

  it('private-person-has-names: a person who is not a public figure with names to match', () => {
    expectProblem(
      check((d) => (d.alice.publicFigure = false)),
      'private-person-has-names',
      {
        file: ALICE,
      },
    );
  });

  describe('name-single-word', () => {
    it('a bare surname', () => {
      expectProblem(
        check((d) => (d.alice.names = [{ text: 'Example' }])),
        'name-single-word',
        {
          path: '$.names[0].text',
        },
      );
    });
    it('is allowed with a reason', () => {
      const problems = check((d) => {
        d.alice.names = [{ text: 'Alicex', singleWordReason: 'Stage name used alone.' }];
        d.alice.checks = {
          badge: [{ text: 'Alicex spoke about harassment.', lang: 'en' }],
          noBadge: [{ text: 'Alicex sang at the festival.', lang: 'en' }],
        };
      });
      expect(problems).toEqual([]);
    });
  });

  describe('identity', () => {
    const namesake = {
      sharedNames: ['Alice Example'],
      who: 'A politician of the same name',
      source: {
        publisher: 'Example News',
        title: 'Senator Alice Example elected',
        date: '2024-03-01',
        url: 'https://news.example/senator',
      },
      reviewed: '2026-11-01',
    };

    it('namesake-unconfirmed: a name shared with a listed namesake that needs no confirmation', () => {
      expectProblem(
        check((d) => (d.alice.namesakes = [namesake])),
        'namesake-unconfirmed',
        { file: ALICE, path: '$.names[0]', text: 'A politician of the same name' },
      );
    });

    it('namesake-unconfirmed: a name needing confirmation with no confirming terms', () => {
      expectProblem(
        check((d) => {
          d.alice.namesakes = [namesake];
          d.alice.names = [{ text: 'Alice Example', needsConfirmation: true }];
        }),
        'namesake-unconfirmed',
        { file: ALICE, path: '$.confirmingTerms' },
      );
    });

    it('accepts a namesake whose shared name needs confirmation, with confirming terms', () => {
      const problems = check((d) => {
        d.alice.namesakes = [namesake];
        d.alice.names = [{ text: 'Alice Example', needsConfirmation: true }];
        d.alice.confirmingTerms = ['singer'];
        d.alice.checks = {
          badge: [{ text: 'The singer Alice Example spoke about harassment.', lang: 'en' }],
          noBadge: [{ text: 'Alice Example spoke about harassment in the Senate.', lang: 'en' }],
        };
      });
      expect(problems).toEqual([]);
    });

    it('unknown-reference: a namesake sharing a name the person does not have', () => {
      expectProblem(
        check((d) => (d.alice.namesakes = [{ ...namesake, sharedNames: ['Alicia Example'] }])),
        'unknown-reference',
        { path: '$.namesakes[0].sharedNames[0]' },
      );
    });

    it('check-sentence-failed: a must-not-badge sentence that badges', () => {
      expectProblem(
        check((d) => {
          d.alice.checks = {
            badge: [{ text: 'Alice Example spoke about harassment.', lang: 'en' }],
            noBadge: [{ text: 'Senator Alice Example spoke about harassment.', lang: 'en' }],
          };
        }),
        'check-sentence-failed',
        { file: ALICE, path: '$.checks.noBadge[0]', text: 'must not give' },
      );
    });

    it('check-sentence-failed: a must-badge sentence that does not badge', () => {
      expectProblem(
        check((d) => {
          d.alice.names = [{ text: 'Alice Example', notBeside: ['Singer'] }];
          d.alice.checks = {
            badge: [{ text: 'Singer Alice Example spoke about harassment.', lang: 'en' }],
            noBadge: [{ text: 'Alice Example sang.', lang: 'en' }],
          };
        }),
        'check-sentence-failed',
        { file: ALICE, path: '$.checks.badge[0]', text: 'should give' },
      );
    });

    it('check-sentence-failed: a handle sentence runs on the host it names', () => {
      const handleSentence = { text: '@bobexample on harassment', lang: 'en' };
      expectProblem(
        check((d) => (d.bob.checks = { badge: [handleSentence], noBadge: [] })),
        'check-sentence-failed',
        { file: BOB, path: '$.checks.badge[0]' },
      );
      const onX = check(
        (d) =>
          (d.bob.checks = {
            badge: [{ ...handleSentence, host: 'x.com' }],
            noBadge: [{ text: 'Bob Example stars in a film.', lang: 'en' }],
          }),
      );
      expect(onX).toEqual([]);
    });

    it('check-sentences-missing: a tracked person without sentences in a language of the name', () => {
      expectProblem(
        check((d) => {
          d.alice.name = { en: 'Alice Example', ur: 'ایلس ایگزامپل' };
          d.alice.descriptor = { en: 'Singer', ur: 'گلوکارہ' };
        }),
        'check-sentences-missing',
        { file: ALICE, path: '$.checks.badge', text: '"ur"' },
      );
    });

    it('handle-no-platform: a handle without its platform', () => {
      expectProblem(
        check((d) => delete d.bob.handles[0].platform),
        'handle-no-platform',
        { file: BOB, path: '$.handles[0].platform' },
      );
    });

    it('name-script-no-lexicon: a name in a script the lexicon has no strong term in', () => {
      expectProblem(
        check((d) => (d.alice.names = [{ text: 'Alice Example' }, { text: 'एलिस एग्ज़ाम्पल' }])),
        'name-script-no-lexicon',
        { file: ALICE, path: '$.names[1].text', text: 'Devanagari' },
      );
    });
  });

  describe('name-duplicate', () => {
    it('the same name on two people (ignoring case and accents)', () => {
      expectProblem(
        check((d) => (d.bob.names = [{ text: 'Bob Example' }, { text: 'ÁLICE  example' }])),
        'name-duplicate',
        { file: ALICE, text: '"alice-example", "bob-example"' },
      );
    });
    it('the same handle on two people', () => {
      expectProblem(
        check(
          (d) =>
            (d.alice.handles = [
              {
                platform: 'instagram',
                handle: 'BobExample',
                source: d.bob.handles[0].source,
              },
            ]),
        ),
        'name-duplicate',
        { path: '$.handles[0].handle' },
      );
    });
    it('is allowed when every holder marks a disambiguation', () => {
      const problems = check((d) => {
        d.alice.names = [{ text: 'Sam Example', disambiguation: 'The singer, not the actor.' }];
        d.bob.names = [{ text: 'Sam Example', disambiguation: 'The actor, not the singer.' }];
        d.alice.checks = d.bob.checks = {
          badge: [{ text: 'Sam Example spoke about harassment.', lang: 'en' }],
          noBadge: [{ text: 'Sam Example sang at the festival.', lang: 'en' }],
        };
      });
      expect(problems).toEqual([]);
    });
  });

  describe('unknown-reference', () => {
    it('a case person who does not exist', () => {
      expectProblem(
        check((d) => (d.case.people[0].person = 'carol-example')),
        'unknown-reference',
        {
          path: '$.people[0].person',
        },
      );
    });
    it('an event citing a source the case does not list', () => {
      expectProblem(
        check((d) => (d.case.events[0].sources = ['nowhere'])),
        'unknown-reference',
        {
          path: '$.events[0].sources[0]',
        },
      );
    });
    it('an event naming a person not in the case', () => {
      expectProblem(
        check((d) => (d.case.events[1].by = ['carol-example'])),
        'unknown-reference',
        {
          path: '$.events[1].by[0]',
        },
      );
    });
  });

  describe('duplicate-id', () => {
    it('two people with one id', () => {
      expectProblem(
        check((d) => (d.bob.id = 'alice-example')),
        'duplicate-id',
        {
          file: BOB,
          path: '$.id',
        },
      );
    });
    it('two events with one id', () => {
      expectProblem(
        check((d) => (d.case.events[1].id = 'allegation')),
        'duplicate-id',
        {
          path: '$.events[1].id',
        },
      );
    });
    it('two sources with one id', () => {
      expectProblem(
        check((d) => (d.case.sources[1].id = 'allegation')),
        'duplicate-id',
        {
          path: '$.sources[1].id',
        },
      );
    });
    it('two resources with one id', () => {
      expectProblem(
        check((d) => d.resources.resources.push({ ...d.resources.resources[0] })),
        'duplicate-id',
        { file: RESOURCES, path: '$.resources[1].id' },
      );
    });
  });

  describe('date-invalid', () => {
    it.each(['2021-02-30', '2021-13', '21-01-01', '2021/01/01'])('rejects %s', (date) => {
      expectProblem(
        check((d) => (d.case.events[0].date = date)),
        'date-invalid',
        {
          path: '$.events[0].date',
        },
      );
    });
    it('wants a full date for lastReviewed', () => {
      expectProblem(
        check((d) => (d.case.lastReviewed = '2026-11')),
        'date-invalid',
        {
          path: '$.lastReviewed',
        },
      );
    });
  });

  describe('date-future', () => {
    it('an event after today', () => {
      expectProblem(
        check((d) => (d.case.events[1].date = '2026-12')),
        'date-future',
        {
          path: '$.events[1].date',
        },
      );
    });
    it('a source published after today', () => {
      expectProblem(
        check((d) => (d.case.sources[0].date = '2027')),
        'date-future',
        {
          path: '$.sources[0].date',
        },
      );
    });
  });

  it('last-reviewed-missing', () => {
    expectProblem(
      check((d) => delete d.case.lastReviewed),
      'last-reviewed-missing',
      {
        path: '$.lastReviewed',
      },
    );
  });

  it('last-reviewed-stale: lastReviewed older than the newest event', () => {
    expectProblem(
      check((d) => (d.case.lastReviewed = '2023-12-31')),
      'last-reviewed-stale',
      {
        path: '$.lastReviewed',
      },
    );
  });

  it('status-no-as-of: a status without its date', () => {
    expectProblem(
      check((d) => delete d.case.status.asOf),
      'status-no-as-of',
      {
        path: '$.status.asOf',
      },
    );
  });

  it('status-stale: a status older than the newest event', () => {
    expectProblem(
      check((d) => (d.case.status.asOf = '2023-06-01')),
      'status-stale',
      {
        path: '$.status.asOf',
      },
    );
  });

  it('text-too-long', () => {
    expectProblem(
      check((d) => (d.case.events[0].text = { en: 'a '.repeat(300) })),
      'text-too-long',
      {
        path: '$.events[0].text.en',
        text: 'the limit is 400',
      },
    );
  });

  describe('text-markup', () => {
    it.each([
      'Alice <b>alleged</b> it.',
      'Alice alleged it&nbsp;again.',
      'See [the report](https://news.example).',
      'Alice **alleged** it.',
    ])('rejects %j', (text) => {
      expectProblem(
        check((d) => (d.case.summary.text = { en: text })),
        'text-markup',
        {
          path: '$.summary.text.en',
        },
      );
    });
    it('checks Urdu text too', () => {
      expectProblem(
        check((d) => (d.alice.descriptor = { en: 'Singer', ur: '<i>گلوکارہ</i>' })),
        'text-markup',
        { path: '$.descriptor.ur' },
      );
    });
  });

  describe('resource-unsourced', () => {
    it('a resource without a source', () => {
      expectProblem(
        check((d) => delete d.resources.resources[0].source),
        'resource-unsourced',
        {
          path: '$.resources[0].source',
        },
      );
    });
    it('a resource without a checked date', () => {
      expectProblem(
        check((d) => delete d.resources.resources[0].checked),
        'resource-unsourced',
        {
          path: '$.resources[0].checked',
        },
      );
    });
  });

  it('resource-no-contact: neither phone nor URL', () => {
    expectProblem(
      check((d) => delete d.resources.resources[0].phone),
      'resource-no-contact',
      {
        path: '$.resources[0]',
      },
    );
  });
});

describe('todo-left', () => {
  it('refuses a field that still says TODO, wherever it is', () => {
    const d = minimalDataset();
    d.case.summary = { text: { en: 'TODO: write the summary' }, sources: ['allegation'] };
    const { problems } = checkDataset(filesOf(d), TODAY);
    expect(problems.filter((p) => p.rule === 'todo-left').map((p) => p.path)).toEqual([
      '$.summary.text.en',
    ]);
  });
  it('does not mistake a word that contains the letters', () => {
    const d = minimalDataset();
    d.alice.descriptor = { en: 'Singer from Toronto' };
    expect(checkDataset(filesOf(d), TODAY).problems.filter((p) => p.rule === 'todo-left')).toEqual(
      [],
    );
  });
});

describe('urdu-missing', () => {
  it('a Pakistani case with a text in English only, and its people without Urdu names', () => {
    const d = minimalDataset();
    d.case.country = 'PK';
    const { problems } = checkDataset(filesOf(d), TODAY);
    const missing = problems.filter((p) => p.rule === 'urdu-missing');
    expect(missing.map((p) => `${p.file} ${p.path}`)).toContain(
      'data/cases/example-case.json $.events[1].text.ur',
    );
    expect(missing.map((p) => `${p.file} ${p.path}`)).toContain(
      'data/people/bob-example.json $.descriptor.ur',
    );
  });
  it('a case elsewhere may be in English only', () => {
    const { problems } = checkDataset(filesOf(minimalDataset()), TODAY);
    expect(problems.filter((p) => p.rule === 'urdu-missing')).toEqual([]);
  });
});
